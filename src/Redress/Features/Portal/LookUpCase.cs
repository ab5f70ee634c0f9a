using System.Globalization;
using Redress.Domain;

namespace Redress.Features.Portal;

/// <summary>
/// A customer finds their case by its number and the phone or email used when filing. Attempts are limited per
/// address and per number, so a contact cannot be found by trying one after another, from one address or many.
/// </summary>
public sealed class LookUpCase(PortalAccess access, PortalOptions options, TimeProvider clock)
{
    private readonly AttemptWindow _byAddress = new(options.LookupsPerAddress, TimeSpan.FromMinutes(15), clock);
    private readonly AttemptWindow _byNumber = new(options.LookupsPerNumber, TimeSpan.FromHours(1), clock);

    /// <summary>The case's id; not found for any mismatch; too many requests (with when to retry) over a limit.</summary>
    public async Task<Result<long>> HandleAsync(string number, string contact, string address, CancellationToken ct)
    {
        if ((_byAddress.TryCount(address) ?? _byNumber.TryCount(number.Trim().ToUpperInvariant())) is { } wait)
            return new Error("too_many_lookups", $"Too many look-ups. Please try again in {Minutes(wait).ToString(CultureInfo.InvariantCulture)} minutes.",
                ErrorKind.TooManyRequests, RetryAfter: wait);
        return await access.ByNumberAsync(number, contact, ct) is { } id ? id : Error.NotFound("Case");
    }

    public static int Minutes(TimeSpan wait) => (int)Math.Ceiling(wait.TotalMinutes);
}
