namespace Redress.Features.Portal;

public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions());
        services.AddSingleton<PortalAccess>();
        services.AddSingleton<LookUpCase>();
        services.AddSingleton<PortalGuard>();
        services.AddSingleton<FileComplaint>();
        services.AddSingleton<PortalCase>();
        return services;
    }
}
