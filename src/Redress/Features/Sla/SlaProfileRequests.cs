using System.ComponentModel.DataAnnotations;
using Redress.Domain.Cases;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

public sealed record LimitInput(int Amount, SlaUnit Unit);

public sealed record TargetInput(SlaTarget Target, [property: Required] LimitInput Limit);

/// <summary>Empty lists match anything; a case matches the flags when it has any of them.</summary>
public sealed record PolicyMatchInput(
    [property: MaxLength(4)] List<int>? Grades,
    CaseFlags AnyFlags,
    [property: MaxLength(200)] List<int>? CategoryIds,
    [property: MaxLength(20)] List<Channel>? Channels);

public sealed record PolicyInput(
    // The key is stored on every clock (CaseClocks.PolicyKey, 32 characters).
    [property: Required, StringLength(32, MinimumLength = 1)] string Key,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameEn,
    PolicyMatchInput? Match,
    [property: Required, MaxLength(20)] List<TargetInput> Targets);

public sealed record ExtensionInput([property: Required] LimitInput ExtendBy, Role Approver, bool NoticeToCustomer);

public sealed record BucketInput([property: Required, StringLength(16, MinimumLength = 1)] string Key, [property: Required] LimitInput Within);

/// <summary>
/// A profile's rules as a whole, in the shape <see cref="SlaProfileItem"/> reads them: a client may GET a
/// profile, change what it needs and PUT the rules back. Ranges are business rules, checked by <see cref="SlaProfile.Change"/>.
/// </summary>
public sealed record SlaRulesInput(
    [property: Required, StringLength(32, MinimumLength = 1)] string CalendarCode,
    int WarnAtPercent,
    int EscalateAfterMinutes,
    [property: Required, MaxLength(50)] List<PolicyInput> Policies,
    [property: MaxLength(10)] List<ExtensionInput>? Extensions,
    [property: MaxLength(20)] List<BucketInput>? Buckets);

public sealed record SlaProfileItem(int Id, string Code, string NameZh, string NameEn, bool IsActive, string CalendarCode,
    int WarnAtPercent, int EscalateAfterMinutes, IReadOnlyList<SlaPolicy> Policies, IReadOnlyList<ExtensionStep> Extensions,
    IReadOnlyList<ReportBucket> Buckets, int Version);
