using System.Collections;
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
    /// <summary>
    /// Messages per request property path ("Subject", "Customer.Phone"); empty when the request is valid.
    /// Nested request records are checked too, as the API's validation does, with the same dotted keys.
    /// </summary>
    public static Dictionary<string, string> Check(object request, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string>();
        CheckInto(errors, request, "", request.GetType().Assembly, l);
        return errors;
    }

    private static void CheckInto(Dictionary<string, string> errors, object request, string prefix, Assembly requests, IStringLocalizer l)
    {
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(request);
            var key = prefix + property.Name;
            var failed = property.GetCustomAttributes<ValidationAttribute>().FirstOrDefault(rule => !rule.IsValid(value));
            if (failed is not null) errors[key] = Message(failed, l);
            else if (value is not null && IsNestedRequest(value.GetType(), requests)) CheckInto(errors, value, key + ".", requests, l);
        }
    }

    /// <summary>
    /// A part of the request with rules of its own (CustomerInput inside RegisterCaseRequest): a class from the
    /// request's own assembly that is not a collection. Framework types (string, DateTimeOffset) are values.
    /// </summary>
    private static bool IsNestedRequest(Type type, Assembly requests) =>
        type.IsClass && type.Assembly == requests && !typeof(IEnumerable).IsAssignableFrom(type);

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
