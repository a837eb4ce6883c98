// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// Errors about the values a write is given (provider errors are the dialects'). A value longer than its column
    /// is one condition with one ErrorId on both Halo targets: <c>Sql/RowCommand.cs</c> checks the sizes the
    /// database reports, <c>Halo/HaloUserColumns.cs</c> the sizes of Halo's columns that the API cannot show.
    /// </summary>
    internal static class SqlErrors
    {
        internal static GcHaloException ValueLongerThanColumn(string table, string column, int length, int maxLength) => new GcHaloException(
            ErrorIds.HaloValueTooLong,
            ErrorKind.InvalidArgument,
            string.Format(
                "A value for {0}.{1} is {2} characters long; Halo's column holds at most {3}. Shorten the value in GoCardless or the field mapping.",
                table,
                column,
                length,
                maxLength),
            table + "." + column);
    }
}
