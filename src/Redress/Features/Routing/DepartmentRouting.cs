using Redress.Domain.Routing;

namespace Redress.Features.Routing;

/// <summary>
/// A department's routing policy and its round-robin cursor: the user id of the last person routed to. One row per
/// department that has ever had a policy; none means <see cref="RoutingPolicy.Manual"/>. Registration locks the row
/// (FOR UPDATE on PostgreSQL) while it chooses, so concurrent registrations take turns correctly.
/// </summary>
public sealed class DepartmentRouting
{
    public int DepartmentId { get; set; }
    public RoutingPolicy Policy { get; set; }
    public string? Cursor { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
