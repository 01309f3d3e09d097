namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// An identifier (HL7 CX): the id (CX.1), who assigned it (CX.4, e.g. the hospital) and its type (CX.5, e.g. MR for
/// medical record number, VN for visit number). An id is only unique within its assigning authority.
/// </summary>
public sealed record Hl7Identifier(string Value, string? AssigningAuthority, string? TypeCode)
{
    /// <summary>The identifier in one repetition of a CX field; null when it holds no id.</summary>
    public static Hl7Identifier? From(Hl7Repetition repetition)
    {
        ArgumentNullException.ThrowIfNull(repetition);
        var value = repetition.Component(1).Value;
        if (value.Length == 0)
        {
            return null;
        }

        var authority = repetition.Component(4);
        return new Hl7Identifier(
            value,
            NullIfEmpty(authority.Value) ?? NullIfEmpty(authority.Subcomponent(2)),
            NullIfEmpty(repetition.Component(5).Value));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
