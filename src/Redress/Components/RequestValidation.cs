using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Redress.Components;

/// <summary>
/// Checks a request with the DataAnnotations it carries (the same ones the API's validation checks), with
/// messages in the reader's language: one set of rules, both doors.
/// </summary>
public static class RequestValidation
{
    /// <summary>Messages per request property name; empty when the request is valid.</summary>
    public static Dictionary<string, string> Check(object request, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string>();
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(request);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (rule.IsValid(value)) continue;
                errors[property.Name] = Message(rule, l);
                break;
            }
        }
        return errors;
    }

    private static string Message(ValidationAttribute rule, IStringLocalizer l) => rule switch
    {
        RequiredAttribute => l["Validation.Required"],
        StringLengthAttribute s => Format(l["Validation.Length"], s.MinimumLength, s.MaximumLength),
        RangeAttribute r => Format(l["Validation.Range"], r.Minimum, r.Maximum),
        EmailAddressAttribute => l["Validation.Email"],
        MaxLengthAttribute m => Format(l["Validation.MaxItems"], m.Length),
        _ => l["Validation.Invalid"],
    };

    private static string Format(string text, params object[] args) => string.Format(CultureInfo.CurrentCulture, text, args);
}
