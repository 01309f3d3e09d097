using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Events;

/// <summary>Resuming a bookmark by id: an unknown id is 404; a consumed bookmark stays a reported no-op (409).</summary>
public abstract class BookmarkResumeTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nope")]
    [InlineData("0190f4e2a1b2c3d4e5f60718.b1")]
    public async Task An_unknown_bookmark_is_404_and_changes_nothing(string bookmarkId)
    {
        var client = await App.ClientAsync(Roles.Admin);
        var before = await QueryAsync(db => db.Instances.CountAsync(Cancel));

        var response = await client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { });

        Assert.Contains(bookmarkId, (await response.ProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(db => db.Instances.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_bookmark_of_a_known_instance_that_it_never_issued_is_404()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var started = await client.StartInstanceAsync("test-wait-for-event", NewKey());

        var response = await client.PostJsonAsync($"/api/bookmarks/{started.Id}.b7/resume", new { });

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Suspended", (await client.GetInstanceAsync(started.Id)).SubStatus);
    }

    [Fact]
    public async Task A_consumed_bookmark_is_a_409_no_op()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var started = await client.StartInstanceAsync("test-two-events", NewKey());
        var bookmarkId = (await QueryAsync(db => db.Bookmarks.SingleAsync(b => b.InstanceId == started.Id, Cancel))).Id;

        var first = await client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { });
        var again = await client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { });

        Assert.Equal(started.Id, (await first.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.OK)).Id);
        Assert.Contains("resumed already", (await again.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await InstanceAsync(started.Id))!.Revision);
    }
}

public sealed class SqliteBookmarkResumeTests(SqliteApp app) : BookmarkResumeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBookmarkResumeTests(PostgresApp app) : BookmarkResumeTests(app), IClassFixture<PostgresApp>;
