namespace Redress.Domain.Organisation;

/// <summary>A department that leads (主导) or assists (协办) in handling cases.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Active { get; set; } = true;
    /// <summary>The business calendar this department works to, when not the SLA profile's.</summary>
    public string? CalendarCode { get; set; }
}

/// <summary>R-CL-1: the configurable taxonomy. A category with a parent is a sub-category.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int? ParentId { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}
