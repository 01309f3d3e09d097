using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Instances.GetJournal;

/// <summary>One page of an instance's journal, bound from the query string.</summary>
/// <param name="AfterSequence">Entries after this sequence number; from the first entry when absent.</param>
/// <param name="PageSize">Entries per page, at most <see cref="InstancePaging.MaxPageSize"/>.</param>
public sealed record JournalQuery(
    [FromQuery(Name = "afterSequence")] long? AfterSequence,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public long After => AfterSequence ?? 0;

    public int Size => PageSize ?? InstancePaging.DefaultPageSize;
}
