using System.Globalization;
using Microsoft.Extensions.Localization;
using Redress.Domain;

namespace Redress.Components;

/// <summary>
/// The messages of one form: the request's own rules first (<see cref="RequestValidation"/>), then what the use
/// case refused, shown at its field when it names one and above the form when it does not.
/// </summary>
public sealed class FormState(IStringLocalizer l, string errorPrefix)
{
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Alert { get; private set; }

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public void Clear() => (Errors, Alert) = ([], null);

    /// <summary>True when the request passes its DataAnnotations; otherwise the messages are shown.</summary>
    public bool Check(object request)
    {
        Alert = null;
        Errors = RequestValidation.Check(request, l);
        return Errors.Count == 0;
    }

    public void Refused(Error error)
    {
        var known = l[$"{errorPrefix}{error.Code}"];
        var message = known.ResourceNotFound ? string.Format(CultureInfo.CurrentCulture, l["Error.Unexpected"], error.Message) : known.Value;
        // Use cases name the API's JSON field (camelCase); the form's fields are the request's property names.
        if (error.Field is { Length: > 0 } field) Errors[char.ToUpperInvariant(field[0]) + field[1..]] = message;
        else Alert = message;
    }
}
