using System.Security.Claims;
using Redress.Domain.Cases;

namespace Redress.Web;

public static class CurrentActor
{
    public const string DepartmentClaim = "redress:dept";
    public const string DisplayNameClaim = "redress:name";
    public const string LanguageClaim = "redress:lang";

    /// <summary>The domain's view of the signed-in user, read from the claims issued at sign-in.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var roles = new HashSet<Role>();
        foreach (var claim in user.FindAll(ClaimTypes.Role))
            if (Enum.TryParse<Role>(claim.Value, out var role)) roles.Add(role);
        var departments = new HashSet<int>();
        foreach (var claim in user.FindAll(DepartmentClaim))
            if (int.TryParse(claim.Value, out var id)) departments.Add(id);
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user has no id claim."),
            user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "",
            roles,
            departments);
    }
}
