namespace StandbyOps.Billing.Pdf;

/// <summary>A table column: its left edge and width in points from the left margin, and whether its text is right-aligned.</summary>
public sealed record PdfColumn(string Heading, double Left, double Width, bool Right = false);
