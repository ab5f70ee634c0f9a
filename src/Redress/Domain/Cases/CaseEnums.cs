namespace Redress.Domain.Cases;

/// <summary>What the customer asks for (诉求).</summary>
public enum CustomerDemand
{
    Refund,
    Exchange,
    Repair,
    Apology,
    Compensation,
    Explanation,
    Other,
}

/// <summary>Marks on a case besides its grade (R-CL-2). Stored as a bit mask so one column filters them all.</summary>
[Flags]
public enum CaseFlags
{
    None = 0,
    Urgent = 1,
    /// <summary>Legal, safety or media exposure.</summary>
    Escalated = 2,
    Repeat = 4,
    /// <summary>群体投诉: one of several customers complaining about the same thing.</summary>
    Group = 8,
    SuspectedMalicious = 16,
}

/// <summary>How the root cause was found (R-WF-3).</summary>
public enum RootCauseMethod
{
    FiveWhys,
    /// <summary>Fishbone over 人机料法环测: people, machine, material, method, environment, measurement.</summary>
    Fishbone,
    Other,
}

/// <summary>The fishbone's six bones; a root cause found by <see cref="RootCauseMethod.Fishbone"/> names one.</summary>
public enum FishboneFactor
{
    People,
    Machine,
    Material,
    Method,
    Environment,
    Measurement,
}

public enum CommunicationMethod
{
    Phone,
    Email,
    Sms,
    Letter,
    Visit,
    Chat,
    /// <summary>A message on the customer portal: the only communications the customer sees there.</summary>
    Portal,
    Other,
}

public enum Direction
{
    Inbound,
    Outbound,
}
