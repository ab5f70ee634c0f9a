using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Redress.Data;

/// <summary>
/// The full-text index over number, subject, description and customer: an FTS5 table on SQLite, a
/// tsvector with a GIN index on PostgreSQL, both fed by <see cref="SearchTokens"/>. It lives outside the
/// EF model; the tables are created by the initial migrations.
/// </summary>
public static class CaseSearchIndex
{
    public static string TokensFor(string number, string subject, string description, string customerName, string? phone, string? email, string? orderNumber) =>
        WithNumber(number, TextTokensFor(subject, description, customerName, phone, email, orderNumber));

    /// <summary>Everything but the number: registration makes these before it draws the number.</summary>
    public static string TextTokensFor(string subject, string description, string customerName, string? phone, string? email, string? orderNumber) =>
        SearchTokens.ForDocument(subject, description, customerName, phone, email, orderNumber);

    public static string WithNumber(string number, string textTokens) => SearchTokens.ForDocument(number) + " " + textTokens;

    public static Task AddAsync(RedressDb db, long caseId, string tokens, CancellationToken ct) => db.ScalarAsync(db.IsSqlite
        ? "INSERT INTO CaseSearch(rowid, Tokens) VALUES (@p0, @p1)"
        : """INSERT INTO "CaseSearch" ("CaseId", "Tokens") VALUES (@p0, to_tsvector('simple', @p1))""", ct, caseId, tokens);

    /// <summary>
    /// Matching case ids below <paramref name="beforeId"/>, newest first; with <paramref name="departments"/>,
    /// only cases those departments lead or assist (R-SEC-1), checked in the same statement so a handler's
    /// search does not page through the whole organisation's matches.
    /// </summary>
    public static Task<List<long>> MatchAsync(RedressDb db, (string Fts5, string TsQuery) query, long beforeId, int limit, IReadOnlyCollection<int>? departments, CancellationToken ct)
    {
        var join = departments is null ? "" : db.IsSqlite ? """ JOIN "Cases" c ON c."Id" = s.rowid""" : """ JOIN "Cases" c ON c."Id" = s."CaseId" """;
        var scope = departments is null ? "" : $"""
             AND (c."LeadDepartmentId" IN ({Ids(departments)}) OR EXISTS (SELECT 1 FROM "CaseAssistingDepartments" a
                  WHERE a."CaseId" = c."Id" AND a."DepartmentId" IN ({Ids(departments)})))
            """;
        // The join and scope are spliced into the format; the values stay parameters.
        var sql = FormattableStringFactory.Create(db.IsSqlite
            ? $$"""
                SELECT s.rowid AS "Value" FROM CaseSearch s{{join}}
                WHERE s.CaseSearch MATCH {0} AND s.rowid < {1}{{scope}}
                ORDER BY s.rowid DESC LIMIT {2}
                """
            : $$"""
                SELECT s."CaseId" AS "Value" FROM "CaseSearch" s{{join}}
                WHERE s."Tokens" @@ to_tsquery('simple', {0}) AND s."CaseId" < {1}{{scope}}
                ORDER BY s."CaseId" DESC LIMIT {2}
                """,
            db.IsSqlite ? query.Fts5 : query.TsQuery, beforeId, limit);
        return db.Database.SqlQuery<long>(sql).ToListAsync(ct);
    }

    /// <summary>Department ids written into the statement: integers, so nothing to escape, and the planner sees them.</summary>
    private static string Ids(IReadOnlyCollection<int> departments) =>
        departments.Count == 0 ? "NULL" : string.Join(",", departments.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
