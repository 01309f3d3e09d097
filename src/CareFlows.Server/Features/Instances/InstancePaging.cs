namespace CareFlows.Server.Features.Instances;

/// <summary>Page sizes for the instance list and the journal.</summary>
public static class InstancePaging
{
    public const int DefaultPageSize = 50;

    /// <summary>Large enough for a screen or an export batch, small enough that one request stays cheap.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Keeps (page - 1) × page size within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
}
