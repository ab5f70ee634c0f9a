using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.Features.Triage;

/// <summary>
/// The suggestion made for a case when it was registered, stored with it in the same transaction. The suggested
/// category, grade, flags and sentiment are columns (for reports and queues); the whole suggestion with its
/// reasons is one JSON column, read and written whole.
/// </summary>
public sealed class CaseTriage
{
    public long CaseId { get; set; }
    public DateTime SuggestedAt { get; set; }
    public int? CategoryId { get; set; }
    public int? Grade { get; set; }
    public CaseFlags Flags { get; set; }
    public double Sentiment { get; set; }
    public AngerLevel Anger { get; set; }
    public string Suggestion { get; set; } = "";
    /// <summary>The latest answer of a person, when there is one (each answer is a <see cref="TriageDecision"/>).</summary>
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public bool? Accepted { get; set; }

    public TriageSuggestion Read() => JsonSerializer.Deserialize<TriageSuggestion>(Suggestion, TriageJson.Options)!;

    public static CaseTriage Of(long caseId, TriageSuggestion s, DateTime now) => new()
    {
        CaseId = caseId, SuggestedAt = now, CategoryId = s.Category?.CategoryId, Grade = s.Grade?.Grade, Flags = s.SuggestedFlags,
        Sentiment = s.Sentiment.Score, Anger = s.Sentiment.Anger, Suggestion = JsonSerializer.Serialize(s, TriageJson.Options),
    };

    private const string Insert = """
        INSERT INTO "CaseTriage" ("CaseId", "SuggestedAt", "CategoryId", "Grade", "Flags", "Sentiment", "Anger", "Suggestion")
        VALUES (@caseId, @at, @categoryId, @grade, @flags, @sentiment, @anger, @suggestion)
        """;

    /// <summary>In registration's transaction, by plain INSERT like the case's own rows (Data/RegistrationRows.cs).</summary>
    internal static async Task InsertAsync(RedressDb db, long caseId, TriageSuggestion suggestion, DateTime now, CancellationToken ct)
    {
        var row = Of(caseId, suggestion, now);
        await using var command = db.Command(Insert)
            .Bind("@caseId", row.CaseId).Bind("@at", row.SuggestedAt).Bind("@categoryId", row.CategoryId).Bind("@grade", row.Grade)
            .Bind("@flags", (int)row.Flags).Bind("@sentiment", row.Sentiment).Bind("@anger", row.Anger.ToString()).Bind("@suggestion", row.Suggestion);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// A person's answer to a suggestion (R-CL-3 "corrections are kept to improve the suggestions"): what was
/// suggested, what they chose, the text it was about, who and when. Training data for the learned classifier;
/// never changed afterwards.
/// </summary>
public sealed class TriageDecision
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>True: the suggestion was accepted as it was; false: corrected.</summary>
    public bool Accepted { get; set; }
    /// <summary>Subject and description as they were when decided.</summary>
    public string Text { get; set; } = "";
    public int? SuggestedCategoryId { get; set; }
    public SuggestionSource? SuggestedBy { get; set; }
    public int? SuggestedGrade { get; set; }
    public CaseFlags SuggestedFlags { get; set; }
    public int? ChosenCategoryId { get; set; }
    public int ChosenGrade { get; set; }
    public CaseFlags ChosenFlags { get; set; }
    public double Sentiment { get; set; }
    public AngerLevel Anger { get; set; }
}

/// <summary>How suggestions are stored and sent: enums by name, Chinese as it is.</summary>
public static class TriageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Every case stores one: absent parts are left out rather than written as null.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A confidence as the page shows it: 0.84 → "84%".</summary>
    public static string Percent(double confidence) => (confidence * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
