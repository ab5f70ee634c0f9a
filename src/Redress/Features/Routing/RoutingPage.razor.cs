using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Redress.Components;
using Redress.Domain.Cases;
using Redress.Features.Reference;
using Redress.Web;

namespace Redress.Features.Routing;

public sealed partial class RoutingPage
{
    /// <summary>The form's editable copy of a rule; turned into the API's request, whose rules then decide.</summary>
    private sealed class RuleForm
    {
        public string? Name { get; set; }
        public int? DepartmentId { get; set; }
        public int? CategoryId { get; set; }
        public string? ProductPattern { get; set; }
        public Channel? Channel { get; set; }
        public string? RegionKeywords { get; set; }
        public int Priority { get; set; } = 10;
        public bool Active { get; set; } = true;

        public RoutingRuleInput ToInput() => new(Name?.Trim() ?? "", DepartmentId, CategoryId, ProductPattern, Channel, RegionKeywords, Priority, Active);
    }

    private sealed class TestForm
    {
        public Channel? Channel { get; set; } = Domain.Cases.Channel.Phone;
        public int? CategoryId { get; set; }
        public string? Product { get; set; }
        public string? Address { get; set; }
    }

    private List<RoutingRuleItem> _rules = [];
    private ReferenceData.Snapshot? _refs;
    private FormState _form = default!;
    private RuleForm _in = new();
    private RoutingRuleItem? _editing;
    private readonly TestForm _test = new();
    private RouteTestResult? _tested;

    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _form = new FormState(L, "Routing.Error.");
        _refs = await Reference.GetAsync();
        _rules = await Manage.ListAsync(CancellationToken.None);
    }

    private string DepartmentName(int id) => _refs?.Departments.TryGetValue(id, out var d) == true ? Localized.Name(d.NameZh, d.NameEn) : "?";

    private string ChannelName(Channel? c) => c is { } ch ? L[$"Channel.{ch}"] : "";

    private string CategoryName(int? id) => id is { } i && _refs?.Categories.TryGetValue(i, out var c) == true ? Localized.Name(c.NameZh, c.NameEn) : "";

    /// <summary>The rule's conditions in words; none at all is the catch-all.</summary>
    private string When(RoutingRuleItem r)
    {
        var parts = new List<string>();
        if (r.CategoryId is { } id && _refs?.Categories.TryGetValue(id, out var c) == true) parts.Add(Localized.Name(c.NameZh, c.NameEn));
        if (r.ProductPattern is { } p) parts.Add(L["Routing.Product"] + ": " + p.Replace('\n', ' '));
        if (r.Channel is { } ch) parts.Add(L[$"Channel.{ch}"]);
        if (r.RegionKeywords is { } region) parts.Add(L["Routing.Region"] + ": " + region.Replace('\n', ' '));
        return parts.Count == 0 ? L["Routing.Always"] : string.Join(" · ", parts);
    }

    private void Edit(RoutingRuleItem r)
    {
        _editing = r;
        _in = new RuleForm
        {
            Name = r.Name, DepartmentId = r.DepartmentId, CategoryId = r.CategoryId, ProductPattern = r.ProductPattern,
            Channel = r.Channel, RegionKeywords = r.RegionKeywords, Priority = r.Priority, Active = r.Active,
        };
        _form.Clear();
    }

    private void New()
    {
        (_editing, _in) = (null, new RuleForm());
        _form.Clear();
    }

    private async Task SaveAsync()
    {
        var input = _in.ToInput();
        if (!_form.Check(input)) return;
        var actor = (await Auth).User.ToActor();
        // The page edits the version it showed: someone else's change in between is refused, not overwritten.
        var result = _editing is { } e
            ? await Manage.UpdateAsync(e.Id, e.Version, input, actor, CancellationToken.None)
            : await Manage.CreateAsync(input, actor, CancellationToken.None);
        if (!result.IsSuccess)
        {
            _form.Refused(result.Error!);
            return;
        }
        Snackbar.Add(L["Admin.Saved"], Severity.Success);
        _rules = await Manage.ListAsync(CancellationToken.None);
        New();
    }

    private async Task TestAsync()
    {
        var product = _test.Product?.Trim();
        _tested = await Manage.TestAsync(new RouteTestInput(_test.CategoryId, product, product, _test.Channel ?? Channel.Phone, _test.Address), CancellationToken.None);
    }
}
