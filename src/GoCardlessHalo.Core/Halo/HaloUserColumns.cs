// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// The sizes of Halo's USERS columns behind the values a user write carries, so the API target refuses an
    /// over-long value as the SQL target does (issue 8: the same customer data gives the same outcome on both
    /// targets). The SQL target checks the sizes its database reports (<c>Sql/RowCommand.cs</c>); through the API the
    /// columns cannot be seen, and Halo would cut the value or refuse the whole batch, so these are checked before
    /// posting. Sizes: USERS in docs/schema.sql of https://github.com/provisiondata/ProvisionData.HaloPSA.ApiClient,
    /// mirrored by <c>Halo/Sql/HaloSqliteSchema.cs</c> (a test keeps the two equal).
    /// </summary>
    internal static class HaloUserColumns
    {
        /// <summary>Each checked column, its size, and the value a write posts into it (a new user's name as posted).</summary>
        internal static readonly (string Column, int MaxLength, Func<HaloUserWrite, string?> Value)[] Checked =
        {
            (HaloNames.UserName, 255, w => w.Id is null ? HaloUserNames.ForNewUser(w) : w.Name),
            (HaloNames.UserFirstName, 200, w => w.FirstName),
            (HaloNames.UserLastName, 200, w => w.Surname),
            (HaloNames.UserEmail, 255, w => w.Email),
            (HaloNames.UserPhone, 50, w => w.Phone),
        };

        /// <summary>The HaloValueTooLong error for the first value of <paramref name="write"/> longer than its column, or null.</summary>
        public static GcHaloException? TooLong(HaloUserWrite write)
        {
            foreach (var (column, maxLength, value) in Checked)
            {
                if (value(write) is { } text && text.Length > maxLength)
                {
                    return SqlErrors.ValueLongerThanColumn(HaloNames.Users, column, text.Length, maxLength);
                }
            }

            return null;
        }
    }
}
