using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

/// <summary>The departments of the test organisation.</summary>
public static class Departments
{
    /// <summary>质量部: the lead department (主导部门) the case builder assigns to.</summary>
    public const int Quality = 1;
    /// <summary>物流部: a typical assisting department (协办部门).</summary>
    public const int Logistics = 2;
    /// <summary>销售部: a department with nothing to do with the test case.</summary>
    public const int Sales = 3;
}

/// <summary>People who act on cases, one role each unless a test needs otherwise.</summary>
public static class Staff
{
    public static readonly Actor Agent = Person("agent-1", "Li Na", Role.Agent);
    public static readonly Actor Handler = Person("handler-1", "Wang Fang", Role.Handler, Departments.Quality);
    public static readonly Actor Lead = Person("lead-1", "Zhang Wei", Role.Lead, Departments.Quality);
    public static readonly Actor QualityManager = Person("qm-1", "Zhao Min", Role.QualityManager);
    public static readonly Actor Executive = Person("exec-1", "Sun Li", Role.Executive);

    /// <summary><see cref="Handler"/> as someone a case can be assigned to.</summary>
    public static readonly Assignee HandlerAsAssignee = new(Handler.UserId, Handler.Name, Handler.DepartmentIds);

    /// <summary>A second handler of the lead department, for reassignment.</summary>
    public static readonly Assignee OtherHandler = new("handler-2", "Chen Jie", new HashSet<int> { Departments.Quality });

    /// <summary>Someone with exactly one role, member of the lead department.</summary>
    public static Actor Only(Role role) => In(role, Departments.Quality);

    public static Actor In(Role role, params int[] departmentIds) =>
        Person($"{role}-in-{string.Join('-', departmentIds)}".ToLowerInvariant(), role.ToString(), role, departmentIds);

    public static Actor WithRoles(params Role[] roles) =>
        new("multi-1", "Many Hats", roles.ToHashSet(), new HashSet<int> { Departments.Sales });

    private static Actor Person(string id, string name, Role role, params int[] departmentIds) =>
        new(id, name, new HashSet<Role> { role }, departmentIds.ToHashSet());
}
