namespace Redress.Features.Sla;

public static class SlaSetup
{
    public static IServiceCollection AddSla(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<SlaSettings>();
        services.AddSingleton<CheckClocks>();
        services.AddSingleton<ManageSlaProfiles>();
        services.AddSingleton<ManageCalendars>();
        services.AddSingleton<ChooseDepartmentCalendars>();
        services.AddSingleton(config.GetSection("Sla:Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions());
        services.AddHostedService<ClockScheduler>();
        return services;
    }
}
