using Microsoft.AspNetCore.Components;

namespace Redress.Features.Cases;

/// <summary>A part of the intake form: edits the page's input and shows the messages for its own fields.</summary>
public abstract class IntakeFields : ComponentBase
{
    [Parameter, EditorRequired] public IntakeInput Input { get; set; } = default!;

    /// <summary>Messages by request path ("Subject", "Customer.Phone"), as <c>RequestValidation</c> names them.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string> Errors { get; set; } = default!;

    protected bool Has(string field) => Errors.ContainsKey(field);

    protected string? Err(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The label of a field the agent must fill, marked as the form's legend explains.</summary>
    protected static string Starred(string label) => label + " *";

    /// <summary>Screen readers announce a field the agent must fill; MudBlazor's own Required would validate in English.</summary>
    protected static readonly Dictionary<string, object> MustFill = new() { ["aria-required"] = "true" };
}
