namespace Redress.Domain.Cases;

/// <summary>The complainant (投诉人). Keys are normalised so history lookups find the same person (R-IN-6).</summary>
public sealed class Customer
{
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>The customer's id in the company's own systems (CRM, member number).</summary>
    public string? CustomerId { get; set; }

    /// <summary>Digits only, without a leading +86/0086 country code.</summary>
    public string? PhoneKey { get; private set; }
    public string? EmailKey { get; private set; }

    public void NormaliseKeys()
    {
        PhoneKey = NormalisePhone(Phone);
        EmailKey = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// Chinese numbers in their domestic form, however they were written: mobiles as 11 digits, landlines
    /// with the trunk 0 (+86 10 6552 9988 → 01065529988). Other countries keep their country code.
    /// </summary>
    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        // Any decimal digit, as its ASCII value: Chinese input methods often type full-width ones (１３８…).
        var digits = new string([.. phone.Where(char.IsDigit).Select(d => (char)('0' + (int)char.GetNumericValue(d)))]);
        var international = phone.TrimStart().StartsWith('+') || phone.TrimStart().StartsWith('＋') || phone.TrimStart().StartsWith("(+", StringComparison.Ordinal);
        string? national = digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..]
            : digits.StartsWith("86", StringComparison.Ordinal) && (international || digits.Length == 13) ? digits[2..]
            : null;
        if (national is not null)
            digits = national.Length == 11 && national[0] == '1' || national.StartsWith('0') ? national : "0" + national;
        return digits.Length == 0 ? null : digits;
    }
}

/// <summary>Order, product, SKU and batch the complaint is about.</summary>
public sealed class ProductReference
{
    public string? OrderNumber { get; set; }
    public string? ProductName { get; set; }
    public string? Sku { get; set; }
    public string? BatchNumber { get; set; }
}

/// <summary>调查: facts, root cause and who is responsible (R-WF-3, seed 000 §5.1-5.2).</summary>
public sealed class Investigation
{
    public string Facts { get; set; } = "";
    public RootCauseMethod? RootCauseMethod { get; set; }
    public string? RootCause { get; set; }
    /// <summary>The chain of 5-Why answers, in order.</summary>
    public List<string> Whys { get; set; } = [];
    public FishboneFactor? FishboneFactor { get; set; }
    public List<Responsibility> Responsibilities { get; set; } = [];
    public List<EvidenceItem> Evidence { get; set; } = [];
}

/// <summary>Responsibility attribution (责任认定): a department or a person and their share in percent.</summary>
public sealed class Responsibility
{
    public int? DepartmentId { get; set; }
    public string? Person { get; set; }
    public decimal SharePercent { get; set; }
}

public sealed class EvidenceItem
{
    public string Description { get; set; } = "";
    public string? Source { get; set; }
    public long? AttachmentId { get; set; }
    public DateTime AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
}

/// <summary>处理方案 (R-WF-4) with its approval when the grade requires one.</summary>
public sealed class SolutionPlan
{
    public string Measures { get; set; } = "";
    public decimal? CompensationAmount { get; set; }
    public string? Currency { get; set; }
    public string ResponsiblePerson { get; set; } = "";
    public DateTime? Deadline { get; set; }
    public DateTime ProposedAt { get; set; }
    public string ProposedBy { get; set; } = "";
    public bool? Approved { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
}

/// <summary>The customer's answer after the solution was implemented (R-WF-6).</summary>
public sealed class CustomerConfirmation
{
    public bool Satisfied { get; set; }
    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int? Satisfaction { get; set; }
    public string? Comment { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>R-AN-5: the customer's survey of the handling, given once after closing.</summary>
    public HandlingRatings? Ratings { get; set; }
}

/// <summary>满意度调查 (R-AN-5, seed 000 §8.1): each 1 (very poor) to 5 (very good).</summary>
public sealed class HandlingRatings
{
    public int Speed { get; set; }
    public int Effect { get; set; }
    public int Attitude { get; set; }
    public int Transparency { get; set; }
    public int Overall { get; set; }
    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }
    public string RatedBy { get; set; } = "";

    public IEnumerable<int> Scores => [Speed, Effect, Attitude, Transparency, Overall];
}

/// <summary>复查 (R-WF-7): a check some months after closing that the fix held.</summary>
public sealed class FollowUpReview
{
    public DateTime DueAt { get; set; }
    public bool? Passed { get; set; }
    public string? Notes { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
}

/// <summary>R-IN-5: where an out-of-scope complaint was sent and why.</summary>
public sealed class Referral
{
    public string ReferredTo { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class AssistingDepartment
{
    public int DepartmentId { get; set; }
}
