using Microsoft.AspNetCore.Identity;

namespace Redress.Features.Accounts;

/// <summary>A staff account. Roles are Identity roles named after <see cref="Domain.Cases.Role"/>.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>zh-CN or en: the language of mail and the UI when the browser does not say.</summary>
    public string Language { get; set; } = "zh-CN";
    public List<UserDepartment> Departments { get; set; } = [];
    /// <summary>Away (on leave, out sick): routing passes them over (R-WF-2); back by itself after <see cref="AwayUntil"/>.</summary>
    public bool Away { get; set; }
    public DateTime? AwayUntil { get; set; }
}

public sealed class UserDepartment
{
    public string UserId { get; set; } = "";
    public int DepartmentId { get; set; }
}
