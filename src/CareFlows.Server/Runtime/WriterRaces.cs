using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Database errors that mean a batch met another node's transaction and lost (a deadlock between their locks, or a
/// row the other inserted first): it is rolled back and run again over what the winner committed, which makes it a
/// no-op, a duplicate or a fresh attempt, as it would have been had it come second.
/// </summary>
internal static class WriterRaces
{
    public static bool IsLostRace(DbException exception) => exception switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation,
        SqlException s => s.Number is 1205 or 2601 or 2627, // deadlock victim; unique index or key
        _ => false,
    };
}
