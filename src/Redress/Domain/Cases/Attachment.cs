namespace Redress.Domain.Cases;

/// <summary>A file attached to a case (photo, receipt, test report, call recording). The bytes live apart.</summary>
public sealed class Attachment
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    /// <summary>Hex SHA-256 of the content, so a download can be verified and duplicates spotted.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    private Attachment() { }

    public Attachment(string fileName, string contentType, long size, string sha256, DateTime uploadedAt, string uploadedBy)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }
}

/// <summary>The bytes of an <see cref="Attachment"/>, in their own table so listing a case never loads them.</summary>
public sealed class AttachmentContent
{
    public long AttachmentId { get; set; }
    public Attachment? Attachment { get; set; }
    public byte[] Bytes { get; set; } = [];
}
