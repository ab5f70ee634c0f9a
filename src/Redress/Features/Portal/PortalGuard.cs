using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Features.Portal;

public sealed class PortalOptions
{
    /// <summary>Filings one network address may make per hour, on this server instance.</summary>
    public int FilingsPerAddressPerHour { get; set; } = 5;
    /// <summary>Filings with one phone number or email per day, across instances (counted in the database).</summary>
    public int FilingsPerContactPerDay { get; set; } = 3;
    /// <summary>Look-ups by number and contact one network address may make per 15 minutes, on this server instance.</summary>
    public int LookupsPerAddress { get; set; } = 20;
    /// <summary>Look-ups of one case number per hour, whoever makes them: a contact cannot be guessed from many addresses.</summary>
    public int LookupsPerNumber { get; set; } = 10;
}

/// <summary>
/// Keeps automated abuse off the public complaint form: a small arithmetic question whose answer travels
/// data-protected and expires, a field that only robots fill in, and rate limits per address and per
/// contact. Nothing here rejects a complaint for its content (R-CL-6).
/// </summary>
public sealed class PortalGuard(IDataProtectionProvider protection, IDbContextFactory<RedressDb> dbs, PortalOptions options, TimeProvider clock)
{
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(30);
    private readonly ITimeLimitedDataProtector _challenge = protection.CreateProtector("Redress.Portal.Challenge").ToTimeLimitedDataProtector();
    private readonly AttemptWindow _byAddress = new(options.FilingsPerAddressPerHour, TimeSpan.FromHours(1), clock);

    public sealed record Challenge(int A, int B, string Token);

    public Challenge NewChallenge()
    {
        var (a, b) = (RandomNumberGenerator.GetInt32(1, 10), RandomNumberGenerator.GetInt32(1, 10));
        return new Challenge(a, b, _challenge.Protect((a + b).ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() + ChallengeLifetime));
    }

    public bool Passes(string? token, string? answer)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrWhiteSpace(answer)) return false;
        try
        {
            return _challenge.Unprotect(token) == answer.Trim();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Counts a filing attempt from this address; false when it is over the hourly limit.</summary>
    public bool AllowAddress(string address) => _byAddress.TryCount(address) is null;

    /// <summary>Whether this phone or email filed fewer than the daily limit on the portal (index look-ups, no scan).</summary>
    public async Task<bool> AllowContactAsync(string? phone, string? email, CancellationToken ct)
    {
        var phoneKey = Customer.NormalisePhone(phone);
        var emailKey = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var byPhone = phoneKey is null ? 0 : await db.Cases.CountAsync(c => c.Customer.PhoneKey == phoneKey && c.Channel == Channel.Web && c.CreatedAt >= since, ct);
        var byEmail = emailKey is null ? 0 : await db.Cases.CountAsync(c => c.Customer.EmailKey == emailKey && c.Channel == Channel.Web && c.CreatedAt >= since, ct);
        return Math.Max(byPhone, byEmail) < options.FilingsPerContactPerDay;
    }
}
