using System.Text.Json;
using System.Text.Json.Serialization;
using Redress.Bench.Seeding;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.Bench.Load;

/// <summary>
/// Request bodies for POST /api/v1/cases: the same generator as the seeded cases, written as the API's own
/// request record so that a change to the contract breaks the benchmark's build, not its figures.
/// </summary>
internal static class CaseBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] DemoUsers = ["agent", "lead", "executive", "quality", "handler", "handler2"];

    /// <summary>
    /// <paramref name="count"/> distinct complaints: each body is sent once, as intake sees them. Sending a few hundred
    /// bodies over and over made every case after the first round a duplicate of several earlier ones (same customer,
    /// same text), the repeat check's worst case, and joined every case to an incident on its product.
    /// </summary>
    /// <param name="seed">Differs between runs on a reused database, so one run's customers are not the next run's repeats.</param>
    public static List<byte[]> Make(int count, IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> categories, int seed)
    {
        // Intake does not know who will handle the case: the users only name people in the timeline.
        var nobody = ("bench", "bench");
        var users = DemoUsers.ToDictionary(u => u, _ => nobody);
        var plan = new SeedPlan(count, DateTime.UtcNow, 1, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new CaseNumberFormat(CaseNumberFormat.Default), seed);
        var generator = new CaseGenerator(plan, new SeedReference(departments, categories, users, 0), RealText.None);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToUtf8Bytes(ToRequest(generator.Generate(i, random)), Json))];
    }

    private static RegisterCaseRequest ToRequest(SeedCase c) => new(
        c.Channel, c.Subject, c.Description, c.OccurredAt is { } at ? new DateTimeOffset(at) : null,
        new CustomerInput(c.CustomerName, c.Phone, c.Email, c.Address, c.CustomerId),
        new ProductInput(c.OrderNumber, c.ProductName, c.Sku, c.BatchNumber),
        c.Demand, null, c.CategoryId, c.Grade,
        c.Flags == CaseFlags.None ? null : [.. Enum.GetValues<CaseFlags>().Where(f => f != CaseFlags.None && c.Flags.HasFlag(f))],
        null, null);
}
