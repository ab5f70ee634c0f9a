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

    /// <summary>Matching case ids below <paramref name="beforeId"/>, newest first.</summary>
    public static Task<List<long>> MatchAsync(RedressDb db, (string Fts5, string TsQuery) query, long beforeId, int limit, CancellationToken ct) => db.IsSqlite
        ? db.Database.SqlQuery<long>($"""
            SELECT rowid AS "Value" FROM CaseSearch WHERE CaseSearch MATCH {query.Fts5} AND rowid < {beforeId}
            ORDER BY rowid DESC LIMIT {limit}
            """).ToListAsync(ct)
        : db.Database.SqlQuery<long>($"""
            SELECT "CaseId" AS "Value" FROM "CaseSearch" WHERE "Tokens" @@ to_tsquery('simple', {query.TsQuery}) AND "CaseId" < {beforeId}
            ORDER BY "CaseId" DESC LIMIT {limit}
            """).ToListAsync(ct);
}
