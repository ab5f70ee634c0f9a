using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Redress.Domain.Cases;

/// <summary>
/// R-IN-2: a human-readable case number built from a template such as
/// <c>{date:yyyyMMdd}-{channel}-{serial:0000}</c>. The serial counts per day and channel when the template
/// contains them; <see cref="CounterScope"/> is the key the database counter is kept under.
/// </summary>
public sealed partial class CaseNumberFormat
{
    public const string Default = "{date:yyyyMMdd}-{channel}-{serial:0000}";

    private readonly List<(string Token, string? Format)> _parts = [];
    private readonly bool _hasDate;
    private readonly bool _hasChannel;
    private readonly string? _dateFormat;

    public CaseNumberFormat(string template)
    {
        var last = 0;
        foreach (Match m in TokenPattern().Matches(template))
        {
            if (m.Index > last) _parts.Add(("", template[last..m.Index]));
            var token = m.Groups["token"].Value;
            var format = m.Groups["format"].Success ? m.Groups["format"].Value : null;
            _parts.Add((token, format));
            if (token == "date") (_hasDate, _dateFormat) = (true, format ?? "yyyyMMdd");
            if (token == "channel") _hasChannel = true;
            last = m.Index + m.Length;
        }
        if (last < template.Length) _parts.Add(("", template[last..]));
        if (_parts.Count(p => p.Token == "serial") != 1)
            throw new ArgumentException($"A case number template needs exactly one {{serial}}: '{template}'.", nameof(template));
        // Checked on a sample number rather than the template: a date format can write a '/' itself ({date:d} is
        // "12/31/2026"), or ask for a time DateOnly does not have ({date:HH}), which would otherwise fail only at
        // the first registration.
        string sample;
        try
        {
            sample = Format(new DateOnly(2026, 12, 31), Channel.Phone, 1);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"A case number template has a date format that cannot format a date: '{template}'.", nameof(template), e);
        }
        if (sample.Contains('/') || sample.Contains('?') || sample.Contains('#'))
            throw new ArgumentException($"A case number must be usable in a URL: '{template}'.", nameof(template));
        Template = template;
    }

    public string Template { get; }

    /// <summary>The counter a number draws its serial from, e.g. <c>20261123|TEL</c>.</summary>
    public string CounterScope(DateOnly localDate, Channel channel) =>
        $"{(_hasDate ? localDate.ToString(_dateFormat, CultureInfo.InvariantCulture) : "")}|{(_hasChannel ? channel.Code() : "")}";

    public string Format(DateOnly localDate, Channel channel, long serial)
    {
        var sb = new StringBuilder();
        foreach (var (token, format) in _parts)
        {
            sb.Append(token switch
            {
                "" => format,
                "date" => localDate.ToString(_dateFormat, CultureInfo.InvariantCulture),
                "channel" => channel.Code(),
                "serial" => serial.ToString(format ?? "0000", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException(token),
            });
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\{(?<token>date|channel|serial)(:(?<format>[^}]+))?\}")]
    private static partial Regex TokenPattern();
}
