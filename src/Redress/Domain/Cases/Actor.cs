namespace Redress.Domain.Cases;

/// <summary>The roles of PRODUCT.md.</summary>
public enum Role
{
    Agent,
    Handler,
    Lead,
    QualityManager,
    Executive,
    Admin,
    Auditor,
    /// <summary>The complainant on the customer portal: never a staff account, and sees only their own case.</summary>
    Customer,
}

/// <summary>Who is acting: a signed-in staff member with roles and departments.</summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<Role> Roles, IReadOnlySet<int> DepartmentIds)
{
    /// <summary>For a customer: the one case they proved is theirs (private link, or number and contact).</summary>
    public long? OwnCaseId { get; init; }

    /// <summary>A complainant on the portal, acting on <paramref name="caseId"/> (none yet while filing).</summary>
    public static Actor Customer(string name, long? caseId = null) =>
        new("customer", name, new HashSet<Role> { Role.Customer }, new HashSet<int>()) { OwnCaseId = caseId };

    public bool Is(Role role) => Roles.Contains(role);

    public bool IsInAny(IEnumerable<Role> roles) => roles.Any(Roles.Contains);

    /// <summary>The system itself (demo seeding, scheduled jobs).</summary>
    public static readonly Actor System = new("system", "Redress", new HashSet<Role> { Role.Admin }, new HashSet<int>());

    /// <summary>
    /// R-SEC-2: the roles that talk to customers see their contact details; everyone else sees them masked
    /// and can reveal them, which is recorded.
    /// </summary>
    public bool SeesCustomerData => IsInAny([Role.Agent, Role.Handler, Role.Lead]);

    /// <summary>
    /// Handlers and leads work within their departments (R-SEC-1); everyone else with case access
    /// reads across the organisation.
    /// </summary>
    public bool IsDepartmentScoped => !IsInAny([Role.Agent, Role.QualityManager, Role.Executive, Role.Admin, Role.Auditor]);
}
