using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

/// <summary>Inputs that pass every rule, for tests that care about something else.</summary>
public static class Valid
{
    public static Findings Findings() => new(
        Facts: "The courier dropped the parcel; the customer's photos show a crushed corner.",
        RootCauseMethod: RootCauseMethod.FiveWhys,
        RootCause: "Single-wall cartons are not rated for the courier's sorting line.",
        Whys: ["The kettle cracked because the box was crushed.", "The box was crushed because it is single-wall."],
        FishboneFactor: null,
        Responsibilities:
        [
            new Responsibility { DepartmentId = Departments.Logistics, SharePercent = 70 },
            new Responsibility { Person = "Courier", SharePercent = 30 },
        ]);

    public static PlanProposal Plan(DateTime now) =>
        new("Replace the kettle and switch to double-wall cartons.", 50m, "cny", "Wang Fang", now.AddDays(7));

    public static Attachment Photo(DateTime now) =>
        new("crushed-box.jpg", "image/jpeg", 48_213, new string('a', 64), now, Staff.Agent.Name);
}
