using Redress.Data;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// <c>triage train [--force]</c>: retrains the models from the confirmed cases of the configured database
/// (appsettings, environment, --Storage:Provider=… as for the server) with the same use case as the
/// scheduler and the administration page, and prints what it did. The running servers pick the new version
/// up on their next refresh.
/// </summary>
public static class TrainCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var force = args.Contains("--force");
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--force").ToArray());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRedressData();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Triage:Retrain").Get<RetrainOptions>() ?? new RetrainOptions());
        builder.Services.AddSingleton<TriageModels>();
        builder.Services.AddSingleton<RetrainTriageModels>();
        await using var app = builder.Build();
        await app.Services.MigrateAsync();
        var result = await app.Services.GetRequiredService<RetrainTriageModels>().RunAsync(force, "triage train", CancellationToken.None);
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine(result.Error!.Message);
            return 1;
        }
        foreach (var o in result.Value)
            Console.WriteLine(FormattableString.Invariant($"{o.Kind}: {o.Result} v{o.Version} on {o.SampleCount} cases, accuracy {o.Accuracy:0.000}, macro-F1 {o.MacroF1:0.000}. {o.Detail}"));
        return 0;
    }
}
