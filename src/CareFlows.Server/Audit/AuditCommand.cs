using System.Data.Common;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Audit;

/// <summary>
/// <c>CareFlows.Server audit verify</c>: replays the audit chain of the configured database and says whether it is
/// intact or which record is the first broken or missing one. Exit code 0 intact, 1 broken, 2 unreadable.
/// </summary>
public static class AuditCommand
{
    public static bool IsRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count >= 2 && args[0] == "audit" && args[1] == "verify";
    }

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        try
        {
            var result = await AuditVerifier.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<AuditCheckpointKey>(), cancellationToken);
            if (result.Intact)
            {
                await output.WriteLineAsync($"The audit log is intact: {result.Checked} records replayed, the last is record {result.LastSequence}.");
                return 0;
            }

            await output.WriteLineAsync($"The audit log is broken at record {result.BrokenAt}: {result.Problem} The {result.Checked} records before it are intact.");
            return 1;
        }
        catch (DbException e)
        {
            await output.WriteLineAsync($"The audit log could not be read (has the server run on this database?): {e.Message}");
            return 2;
        }
    }
}
