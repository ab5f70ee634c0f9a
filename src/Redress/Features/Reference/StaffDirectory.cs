using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Reference;

/// <summary>Staff for pickers and assignment: the API's GET /users and the case page's handler list.</summary>
public sealed class StaffDirectory(IDbContextFactory<RedressDb> dbs)
{
    public async Task<List<StaffItem>> ListAsync(int? departmentId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (departmentId is { } d) users = users.Where(u => u.Departments.Any(x => x.DepartmentId == d));
        return await ReferenceApi.StaffQuery(db, users).ToListAsync(ct);
    }
}
