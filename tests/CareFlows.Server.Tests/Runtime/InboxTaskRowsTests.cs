using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>Tasks are written, completed and cancelled in the transactions of the bursts that create and end their bookmarks.</summary>
public abstract class InboxTaskRowsTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_human_task_lands_in_the_inbox_with_its_title_patient_stage_queues_times_form_and_outcomes()
    {
        var started = await Runtime.StartAsync("test-inbox-task", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);

        var bookmark = Assert.Single(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id && b.Kind == "Task").ToListAsync()));
        var task = Assert.Single(await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(bookmark.TaskId, task.Id);
        Assert.Equal(bookmark.Id, task.BookmarkId);
        Assert.Equal(("test-inbox-task", 1, "Discharge follow-up call", "call", "HumanTask"), (task.DefinitionId, task.DefinitionVersion, task.Pathway, task.ActivityId, task.Kind));
        Assert.Equal("Call Rosa Diaz within two business days", task.Title);
        Assert.Equal("Confirm medications and book the follow-up visit for Rosa Diaz.", task.Instructions);
        Assert.Equal(("Patient/p-100", "Rosa Diaz", "MRN-100", new DateOnly(1948, 3, 2)), (task.PatientId, task.PatientName, task.PatientMrn, task.PatientBirthDate));
        Assert.Equal("Interactive contact", task.BusinessStatus);
        Assert.Equal((InboxTaskStatus.Ready, "urgent", 1, (string?)null), (task.Status, task.Priority, task.PriorityRank, task.Owner));
        Assert.Equal(task.CreatedAt.AddDays(2), task.DueAt);
        Assert.Equal(task.CreatedAt.AddDays(1), task.FollowUpAt);
        var fields = JsonNode.Parse(task.Form!)!["fields"]!.AsArray();
        Assert.Equal(["boolean", "multiline", "text", "number", "date", "date-time", "choice", "multi-choice"], fields.Select(f => f!["type"]!.GetValue<string>()));
        Assert.Equal("""["Reached","NotReached"]""", task.Outcomes);
        var queues = await QueryAsync(db => db.TaskTeams.Where(t => t.TaskId == task.Id).OrderBy(t => t.Team).ToListAsync());
        Assert.Equal(["rn-care-managers", "transitions-of-care"], queues.Select(q => q.Team));
        Assert.All(queues, q => Assert.Equal((true, task.DueAt!.Value, 1), (q.Queued, q.DueAt, q.PriorityRank)));
        var history = Assert.Single(await HistoryAsync(task.Id));
        Assert.Equal(("created", InboxTaskStatus.Ready, (string?)null), (history.Action, history.Status, history.Actor));
    }

    [Fact]
    public async Task Resuming_the_task_completes_it_with_its_outcome_and_data_in_the_same_transaction()
    {
        var started = await Runtime.StartAsync("test-inbox-task", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);
        var task = Assert.Single(await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).ToListAsync()));

        await Runtime.ResumeAsync(started.Id, task.BookmarkId, JsonNode.Parse("""{"outcome":"Reached","data":{"reached":true,"channel":"phone"}}"""), TestContext.Current.CancellationToken);

        var completed = await QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal((InboxTaskStatus.Completed, "Reached", 2L), (completed.Status, completed.Outcome, completed.Revision));
        Assert.Equal("""{"reached":true,"channel":"phone"}""", completed.Result);
        Assert.NotNull(completed.EndedAt);
        Assert.Equal(["created", "completed"], (await HistoryAsync(task.Id)).Select(h => h.Action));
        Assert.All(await QueryAsync(db => db.TaskTeams.Where(t => t.TaskId == task.Id).ToListAsync()), q => Assert.False(q.Queued));
        Assert.Equal("Finished", (await InstanceAsync(started.Id))!.SubStatus);
    }

    [Fact]
    public async Task A_task_leaves_the_inbox_as_cancelled_with_its_instance()
    {
        var started = await Runtime.StartAsync("test-inbox-task", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);

        await Runtime.CancelAsync(started.Id, "patient readmitted", TestContext.Current.CancellationToken);

        var task = Assert.Single(await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(InboxTaskStatus.Cancelled, task.Status);
        Assert.Equal(["created", "cancelled"], (await HistoryAsync(task.Id)).Select(h => h.Action));
    }

    [Fact]
    public async Task A_task_whose_branch_a_WaitAny_join_cancels_leaves_the_inbox_as_cancelled()
    {
        var key = NewKey();
        var started = await Runtime.StartAsync("test-inbox-task", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);

        await Runtime.PublishEventAsync("Withdrawn", key, null, null, TestContext.Current.CancellationToken);

        var task = Assert.Single(await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(InboxTaskStatus.Cancelled, task.Status);
        Assert.Null(task.Outcome);
        Assert.Equal("Finished", (await InstanceAsync(started.Id))!.SubStatus);
    }

    [Fact]
    public async Task A_task_created_and_ended_by_one_request_is_stored_as_it_ended()
    {
        // The event is buffered first, so the start's own burst takes it and cancels the task branch at once.
        var key = NewKey();
        await Runtime.PublishEventAsync("Withdrawn", key, null, null, TestContext.Current.CancellationToken);

        var started = await Runtime.StartAsync("test-inbox-task", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);

        var task = Assert.Single(await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(InboxTaskStatus.Cancelled, task.Status);
        Assert.Equal(["created", "cancelled"], (await HistoryAsync(task.Id)).Select(h => h.Action));
    }

    private Task<List<InboxTaskHistoryRecord>> HistoryAsync(string taskId) =>
        QueryAsync(db => db.TaskHistory.Where(h => h.TaskId == taskId).OrderBy(h => h.Id).ToListAsync());
}

public sealed class SqliteInboxTaskRowsTests(SqliteApp app) : InboxTaskRowsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInboxTaskRowsTests(PostgresApp app) : InboxTaskRowsTests(app), IClassFixture<PostgresApp>;
