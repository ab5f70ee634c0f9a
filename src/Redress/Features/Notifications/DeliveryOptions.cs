namespace Redress.Features.Notifications;

/// <summary>Section <c>Notifications:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public int BatchSize { get; set; } = 50;
    /// <summary>30 attempts: seven in the first hour (30 s, 1, 2 … 32 min apart), then hourly, so about a day.</summary>
    public int MaxAttempts { get; set; } = 30;
    public int FirstRetrySeconds { get; set; } = 30;
    public int MaxRetryMinutes { get; set; } = 60;
    /// <summary>How long a claimed batch is its instance's; longer than a batch can take with every timeout hit.</summary>
    public int LeaseMinutes { get; set; } = 5;

    /// <summary>Doubling from the first retry, capped, ±20 % so that what failed together is not retried together.</summary>
    public TimeSpan RetryDelay(int attempts, double random)
    {
        var seconds = Math.Min(FirstRetrySeconds * Math.Pow(2, Math.Min(attempts - 1, 30)), MaxRetryMinutes * 60.0);
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * random));
    }
}

/// <summary>What one attempt at a message came to. <see cref="Final"/>: give up now, retrying cannot help.</summary>
public sealed record DeliveryOutcome(bool Sent, bool Final, string? Error)
{
    public static readonly DeliveryOutcome Delivered = new(true, false, null);
    public static DeliveryOutcome Retry(string error) => new(false, false, error);
    public static DeliveryOutcome GiveUp(string error) => new(false, true, error);
}
