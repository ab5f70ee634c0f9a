using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;

namespace Redress.Data;

/// <summary>
/// Stores a newly registered case with plain INSERT statements. EF Core's SaveChanges for the same rows
/// cost ~0.6 ms of the single SQLite writer's time per case, three quarters of it (docs/performance.md);
/// these statements cost a fraction of that. Only registration takes this path: every later change to a
/// case goes through EF Core. RegistrationRowsTests read cases stored here back through EF Core and compare
/// them field by field with the registered aggregate, so a column added to the model and forgotten here fails.
/// </summary>
internal static class RegistrationRows
{
    /// <summary>Thrown when a concurrent request with the same Idempotency-Key stored its case first.</summary>
    public sealed class KeyTaken : Exception;

    private const string InsertCase = """
        INSERT INTO "Cases" (
            "Number", "Version", "Status", "IsOpen", "Channel", "Subject", "Description", "OccurredAt",
            "Customer_Name", "Customer_Phone", "Customer_Email", "Customer_Address", "Customer_CustomerId",
            "Customer_PhoneKey", "Customer_EmailKey",
            "Product_OrderNumber", "Product_ProductName", "Product_Sku", "Product_BatchNumber",
            "Demand", "DemandDetails", "CategoryId", "Grade", "Flags", "LeadDepartmentId", "ReopenCount",
            "CreatedById", "CreatedAt", "UpdatedAt", "DueAt", "PortalTokenHash", "SlaPolicyKey",
            "AssigneeId", "AssigneeName", "AboutStaffId", "AboutStaffName")
        VALUES (
            @number, @version, @status, @isOpen, @channel, @subject, @description, @occurredAt,
            @name, @phone, @email, @address, @customerId, @phoneKey, @emailKey,
            @orderNumber, @productName, @sku, @batchNumber,
            @demand, @demandDetails, @categoryId, @grade, @flags, @lead, @reopenCount,
            @createdBy, @createdAt, @updatedAt, @dueAt, @portalToken, @slaPolicy,
            @assigneeId, @assigneeName, @aboutStaffId, @aboutStaffName)
        RETURNING "Id"
        """;

    private const string InsertTimelineEntry = """
        INSERT INTO "TimelineEntries" ("CaseId", "At", "Event", "ActorId", "ActorName", "FromStatus", "ToStatus", "Text", "Changes")
        VALUES (@caseId, @at, @event, @actorId, @actorName, @from, @to, @text, @changes)
        RETURNING "Id"
        """;

    private const string InsertClockColumns = """
        INSERT INTO "CaseClocks" ("CaseId", "Target", "PolicyKey", "Limit_Amount", "Limit_Unit", "StartedAt", "DueAt", "WarnAt",
            "EscalateAt", "Extensions", "NextCheckAt") VALUES
        """;

    private const string InsertAssisting = """
        INSERT INTO "CaseAssistingDepartments" ("CaseId", "DepartmentId") VALUES (@caseId, @departmentId)
        """;

    private const string InsertIdempotencyRecord = """
        INSERT INTO "IdempotencyRecords" ("UserId", "Key", "RequestHash", "CaseId", "CreatedAt")
        VALUES (@userId, @key, @hash, @caseId, @createdAt)
        ON CONFLICT DO NOTHING
        RETURNING "CaseId"
        """;

    /// <summary>
    /// Inserts the case, its timeline and assisting departments, and the idempotency record when there is
    /// one, in the caller's transaction; then gives the aggregate the ids the database chose, as SaveChanges would.
    /// </summary>
    public static async Task InsertAsync(RedressDb db, Case kase, IdempotencyRecord? idempotency, CancellationToken ct)
    {
        var c = kase.Customer;
        var p = kase.Product;
        await using (var command = db.Command(InsertCase)
            .Bind("@number", kase.Number).Bind("@version", kase.Version).Bind("@status", kase.Status.ToString())
            .Bind("@isOpen", kase.IsOpen).Bind("@channel", kase.Channel.ToString()).Bind("@subject", kase.Subject)
            .Bind("@description", kase.Description).Bind("@occurredAt", kase.OccurredAt)
            .Bind("@name", c.Name).Bind("@phone", c.Phone).Bind("@email", c.Email).Bind("@address", c.Address)
            .Bind("@customerId", c.CustomerId).Bind("@phoneKey", c.PhoneKey).Bind("@emailKey", c.EmailKey)
            .Bind("@orderNumber", p.OrderNumber).Bind("@productName", p.ProductName).Bind("@sku", p.Sku)
            .Bind("@batchNumber", p.BatchNumber)
            .Bind("@demand", kase.Demand.ToString()).Bind("@demandDetails", kase.DemandDetails)
            .Bind("@categoryId", kase.CategoryId).Bind("@grade", kase.Grade).Bind("@flags", (int)kase.Flags)
            .Bind("@lead", kase.LeadDepartmentId).Bind("@reopenCount", kase.ReopenCount)
            .Bind("@createdBy", kase.CreatedById).Bind("@createdAt", kase.CreatedAt).Bind("@updatedAt", kase.UpdatedAt)
            .Bind("@dueAt", kase.DueAt).Bind("@portalToken", kase.PortalTokenHash).Bind("@slaPolicy", kase.SlaPolicyKey)
            .Bind("@assigneeId", kase.AssigneeId).Bind("@assigneeName", kase.AssigneeName)
            .Bind("@aboutStaffId", kase.AboutStaffId).Bind("@aboutStaffName", kase.AboutStaffName))
        {
            db.Entry(kase).Property(k => k.Id).CurrentValue = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        foreach (var entry in kase.Timeline)
        {
            var id = await InsertTimelineAsync(db, kase.Id, entry, ct);
            var stored = db.Entry(entry);
            stored.Property(e => e.Id).CurrentValue = id;
            stored.Property(e => e.CaseId).CurrentValue = kase.Id;
        }
        await InsertClocksAsync(db, kase, ct);
        foreach (var assisting in kase.AssistingDepartments)
        {
            await using var command = db.Command(InsertAssisting).Bind("@caseId", kase.Id).Bind("@departmentId", assisting.DepartmentId);
            await command.ExecuteNonQueryAsync(ct);
        }
        if (idempotency is null) return;
        await using (var command = db.Command(InsertIdempotencyRecord)
            .Bind("@userId", idempotency.UserId).Bind("@key", idempotency.Key).Bind("@hash", idempotency.RequestHash)
            .Bind("@caseId", kase.Id).Bind("@createdAt", idempotency.CreatedAt))
        {
            if (await command.ExecuteScalarAsync(ct) is null) throw new KeyTaken();
        }
    }

    /// <summary>One timeline entry of case <paramref name="caseId"/>; returns its id.</summary>
    public static async Task<long> InsertTimelineAsync(RedressDb db, long caseId, TimelineEntry entry, CancellationToken ct)
    {
        await using var command = db.Command(InsertTimelineEntry)
            .Bind("@caseId", caseId).Bind("@at", entry.At).Bind("@event", entry.Event.ToString())
            .Bind("@actorId", entry.ActorId).Bind("@actorName", entry.ActorName)
            .Bind("@from", entry.FromStatus?.ToString()).Bind("@to", entry.ToStatus?.ToString())
            .Bind("@text", entry.Text).Bind("@changes", entry.Changes);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A new case's clocks in one statement. Their ids are not read back: nothing after registration changes
    /// them in this unit of work, and a later change loads them afresh.
    /// </summary>
    private static async Task InsertClocksAsync(RedressDb db, Case kase, CancellationToken ct)
    {
        if (kase.Clocks.Count == 0) return;
        var sql = new System.Text.StringBuilder(InsertClockColumns);
        for (var i = 0; i < kase.Clocks.Count; i++)
        {
            if (i > 0) sql.Append(',');
            sql.Append(CultureInfo.InvariantCulture, $"(@caseId, @t{i}, @p{i}, @a{i}, @u{i}, @s{i}, @d{i}, @w{i}, @e{i}, 0, @n{i})");
        }
        await using var command = db.Command(sql.ToString()).Bind("@caseId", kase.Id);
        for (var i = 0; i < kase.Clocks.Count; i++)
        {
            var c = kase.Clocks[i];
            command.Bind($"@t{i}", c.Target.ToString()).Bind($"@p{i}", c.PolicyKey).Bind($"@a{i}", c.Limit.Amount)
                .Bind($"@u{i}", c.Limit.Unit.ToString()).Bind($"@s{i}", c.StartedAt).Bind($"@d{i}", c.DueAt)
                .Bind($"@w{i}", c.WarnAt).Bind($"@e{i}", c.EscalateAt).Bind($"@n{i}", c.NextCheckAt);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
