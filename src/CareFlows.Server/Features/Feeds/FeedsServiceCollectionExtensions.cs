using CareFlows.Server.Features.Feeds.Adt;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Features.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>The ADT feed over HTTP and, when <c>Feeds:Mllp:Enabled</c> is set, over MLLP on its own port.</summary>
    public static IServiceCollection AddCareFlowsFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var mllp = new MllpOptions();
        configuration.GetSection(MllpOptions.Section).Bind(mllp);
        services.AddSingleton(mllp.Validated());
        services.AddSingleton<Hl7AckBuilder>();
        services.AddSingleton<AdtFeed>();
        services.AddSingleton<IHl7MessageHandler, AdtMllpHandler>();
        services.AddSingleton<MllpListener>();
        services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());
        return services;
    }
}
