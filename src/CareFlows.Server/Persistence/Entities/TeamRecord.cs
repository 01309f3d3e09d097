namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// A team of people who share a work queue (transitions of care, referrals…). Its id is a slug such as
/// <c>transitions-of-care</c>, fixed at creation, so that workflow definitions can name a team readably and keep
/// naming it after the team is renamed.
/// </summary>
public sealed class TeamRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name in upper case, unique: two teams may not have names that differ only in case.</summary>
    public required string NormalizedName { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The form of a name that uniqueness is checked on.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant();
    }
}
