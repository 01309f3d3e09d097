using Microsoft.Extensions.Logging.Abstractions;
using Quartz.Logging;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// Quartz logs through one provider per process, kept in a static that AddQuartz's hook points at the host's logger
/// factory. When several hosts share a process (the test suite's fixtures, a restart test's second host) and one of
/// them stops, the static still holds the stopped host's factory, and the next scheduler to start throws
/// ObjectDisposedException while merely creating its loggers. So the hook is replaced by one that hands Quartz a
/// factory answering with a silent logger once its host is gone.
/// </summary>
internal static class QuartzLogging
{
    /// <summary>Must run after AddQuartz, whose hook it replaces.</summary>
    public static IServiceCollection UseHostTolerantQuartzLogging(this IServiceCollection services)
    {
        // The hook's type is internal to Quartz; the scheduler factory resolves it only for its side effect.
        var hook = services.First(d => d.ServiceType.FullName == "Quartz.Simpl.MicrosoftLoggingProvider");
        services.Remove(hook);
        services.Add(ServiceDescriptor.Singleton(hook.ServiceType, sp =>
        {
            LogContext.SetCurrentLogProvider(new HostLoggerFactory(sp.GetRequiredService<ILoggerFactory>()));
            return null!;
        }));
        return services;
    }

    private sealed class HostLoggerFactory(ILoggerFactory host) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            try
            {
                return host.CreateLogger(categoryName);
            }
            catch (ObjectDisposedException)
            {
                return NullLogger.Instance;
            }
        }

        public void AddProvider(ILoggerProvider provider) => host.AddProvider(provider);

        // The host owns its factory and disposes it; Quartz must not.
        public void Dispose()
        {
        }
    }
}
