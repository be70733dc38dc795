namespace LdnSite.Markdown.Tables;

using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;

/// <summary>
/// Markdig writes a column's alignment (<c>|--:|</c>) as <c>style="text-align: right"</c> on each
/// cell, and a grid table's column widths as <c>&lt;col style="width: …"&gt;</c>. The site's
/// Content-Security-Policy (<c>style-src 'self'</c>) blocks inline styles, so that alignment was
/// silently lost. Alignment becomes a class the style sheet knows (<c>align-right</c>…), and the
/// widths are dropped: the browser sizes the columns to their text.
/// </summary>
public sealed class TableAlignment : Structure.IBlockVisitor
{
    /// <inheritdoc />
    public void Enter(Markdig.Syntax.Block block, Markdig.Syntax.Block? previous)
    {
        if (block is Table table)
        {
            ToClasses(table);
        }
    }

    /// <inheritdoc />
    public void Leave(Markdig.Syntax.Block block)
    {
    }

    /// <summary>Moves <paramref name="table"/>'s column alignments onto its cells as classes.</summary>
    public static void ToClasses(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            var i = 0;
            foreach (var cell in row.OfType<TableCell>())
            {
                // As Markdig's renderer reads it: a pipe table's cells leave their index unset.
                var column = cell.ColumnIndex >= 0 && cell.ColumnIndex < table.ColumnDefinitions.Count ? cell.ColumnIndex : i;
                if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                {
                    cell.GetAttributes().AddClass(ClassOf(alignment));
                }

                i++;
            }
        }

        foreach (var column in table.ColumnDefinitions)
        {
            column.Alignment = null;
            column.Width = 0;
        }
    }

    /// <summary>The class for <paramref name="alignment"/>.</summary>
    public static string ClassOf(TableColumnAlign alignment) => alignment switch
    {
        TableColumnAlign.Right => "align-right",
        TableColumnAlign.Center => "align-center",
        _ => "align-left",
    };
}
