namespace Redress.Domain;

/// <summary>How an expected failure maps to the outside world (HTTP status, UI message style).</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    /// <summary>The action is not allowed in the case's current state.</summary>
    Conflict,
    /// <summary>The caller's copy is stale (optimistic concurrency).</summary>
    PreconditionFailed,
    /// <summary>The caller did not say which version it is changing.</summary>
    PreconditionRequired,
    /// <summary>Over a rate limit (the public portal's filings); try again later.</summary>
    TooManyRequests,
}

/// <summary>An expected failure: a business rule said no. Bugs are exceptions, not errors.</summary>
/// <param name="Field">The request field the error is about, when there is one.</param>
/// <param name="RetryAfter">Over a rate limit: when trying again can succeed.</param>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null, TimeSpan? RetryAfter = null)
{
    public static Error Invalid(string code, string message, string? field = null) => new(code, message, ErrorKind.Validation, field);
    public static Error NotFound(string what) => new("not_found", $"{what} was not found.", ErrorKind.NotFound);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static readonly Error VersionRequired = new("if_match_required", "Send the ETag you read in an If-Match header, so that a concurrent change is detected instead of overwritten.", ErrorKind.PreconditionRequired);
    public static readonly Error Stale = new("stale", "The case was changed by someone else since you read it; reload and try again.", ErrorKind.PreconditionFailed);
}

public readonly struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result Success => default;
    public static implicit operator Result(Error error) => new(error);
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error) => (_value, Error) = (value, error);

    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result has no value: {Error!.Code}");

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
