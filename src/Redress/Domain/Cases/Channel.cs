namespace Redress.Domain.Cases;

/// <summary>How the complaint reached us (R-IN-1). Each has the three-letter code used in case numbers.</summary>
public enum Channel
{
    Phone,
    Web,
    Email,
    Letter,
    Visit,
    Social,
    Api,
    Import,
}

public static class Channels
{
    public static string Code(this Channel channel) => channel switch
    {
        Channel.Phone => "TEL",
        Channel.Web => "WEB",
        Channel.Email => "EML",
        Channel.Letter => "LTR",
        Channel.Visit => "VIS",
        Channel.Social => "SOC",
        Channel.Api => "API",
        Channel.Import => "IMP",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
