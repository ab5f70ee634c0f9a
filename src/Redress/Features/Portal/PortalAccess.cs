using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Features.Portal;

/// <summary>
/// How a customer proves a case is theirs without an account: the private link handed out when they filed
/// (only its hash is stored), or the case number together with the phone or email used when filing. A
/// successful look-up by number is remembered in a short-lived, data-protected cookie.
/// </summary>
public sealed class PortalAccess(IDbContextFactory<RedressDb> dbs, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "redress.portal";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _cookie = protection.CreateProtector("Redress.Portal.CaseAccess").ToTimeLimitedDataProtector();

    /// <summary>A new secret for a tracking link, and the hash to store.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<long?> ByTokenAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking().Where(c => c.PortalTokenHash == hash).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The case with this number, if the contact is the phone or email it was filed with.</summary>
    public async Task<long?> ByNumberAsync(string number, string contact, CancellationToken ct)
    {
        var phoneKey = Customer.NormalisePhone(contact);
        var emailKey = contact.Contains('@', StringComparison.Ordinal) ? contact.Trim().ToLowerInvariant() : null;
        if (phoneKey is null && emailKey is null) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Cases.AsNoTracking().Where(c => c.Number == number.Trim())
            .Select(c => new { c.Id, c.Customer.PhoneKey, c.Customer.EmailKey }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        // Compared in constant time: the answer must not tell how much of a phone number was right.
        return Same(found.PhoneKey, phoneKey) || Same(found.EmailKey, emailKey) ? found.Id : null;
    }

    /// <summary>The case a credential opens: a tracking link's secret, or an access token from a look-up by number.</summary>
    public async Task<long?> ResolveAsync(string? credential, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(credential) ? null : FromCookie(credential) ?? await ByTokenAsync(credential.Trim(), ct);

    public DateTimeOffset AccessExpiresAt => clock.GetUtcNow() + CookieLifetime;

    public string CookieFor(long caseId) => _cookie.Protect(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow() + CookieLifetime);

    public long? FromCookie(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return long.TryParse(_cookie.Unprotect(value), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;   // expired or forged
        }
    }

    public static CookieOptions CookieOptions => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = CookieLifetime, Path = "/portal",
    };

    private static bool Same(string? stored, string? given) =>
        stored is not null && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(given));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
