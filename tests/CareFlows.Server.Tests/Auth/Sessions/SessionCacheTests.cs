using System.Diagnostics;
using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareFlows.Server.Tests.Auth.Sessions;

/// <summary>
/// The session check costs no database round trip per request: a node reads a session at most once per check
/// interval, however many requests it carries, and writes its last-seen time at most once per last-seen interval.
/// </summary>
public sealed class SessionCacheTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Hundreds_of_requests_in_one_session_read_it_once_per_check_interval_and_write_nothing()
    {
        var email = await App.CreateUserAsync();
        using var client = App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), email)).AccessToken);
        using var statements = new SessionStatements(App.ConnectionString);
        // A pooled context's logger caches for a second whether anyone listens (EF's logging cache time): wait until it
        // sees the new listener, or the first read would go uncounted.
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.StartNew();

        for (var round = 0; round < 10; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.MeAsync()));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        }

        var interval = new AuthOptions().SessionCheckInterval;
        Assert.InRange(statements.Reads, 1, (int)(elapsed.Elapsed / interval) + 2);
        Assert.Equal(0, statements.Writes);
        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email), TestContext.Current.CancellationToken));
        Assert.Equal(session.CreatedAt, session.LastSeenAt);
    }

    /// <summary>Counts the statements on the Sessions table that EF runs against one database while it lives.</summary>
    private sealed class SessionStatements : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connectionString;
        private readonly List<IDisposable> _subscriptions = [];
        private int _reads;
        private int _writes;

        public SessionStatements(string connectionString)
        {
            _connectionString = connectionString;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed
                || executed.Command.Connection?.ConnectionString != _connectionString || !executed.Command.CommandText.Contains("\"Sessions\"", StringComparison.Ordinal))
            {
                return;
            }

            if (executed.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _reads);
            }
            else
            {
                Interlocked.Increment(ref _writes);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
