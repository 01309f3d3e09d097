using System.Diagnostics;

namespace CareFlows.LoadHarness;

/// <summary>Runs a short command and collects what it printed.</summary>
internal static class Shell
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The repository root: the first folder upwards from this program that holds CareFlows.sln.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CareFlows.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("CareFlows.sln not found above the harness or the current folder.");
    }
}

/// <summary>A throw-away PostgreSQL cluster started with the repository's eng/postgres.sh, as the test suite uses.</summary>
internal sealed class PostgresCluster(string root, string folder, string connectionString) : IAsyncDisposable
{
    public string ConnectionString => connectionString;

    public static async Task<PostgresCluster> StartAsync(string root)
    {
        var (code, output, error) = await Shell.RunAsync("bash",
            ["-c", """source eng/postgres.sh && postgres_start && printf '%s\n%s\n' "$CAREFLOWS_TEST_POSTGRES" "$_careflows_pg_dir" """],
            root);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (code != 0 || lines.Length < 2)
        {
            throw new InvalidOperationException($"eng/postgres.sh could not start PostgreSQL:\n{output}\n{error}");
        }

        return new PostgresCluster(root, lines[^1], lines[^2]);
    }

    public async ValueTask DisposeAsync()
    {
        var (code, _, error) = await Shell.RunAsync("bash",
            ["-c", """source eng/postgres.sh && _careflows_pg_dir="$1" && postgres_stop""", "stop", folder],
            root);
        if (code != 0)
        {
            await Console.Error.WriteLineAsync($"PostgreSQL did not stop cleanly: {error}");
        }
    }
}
