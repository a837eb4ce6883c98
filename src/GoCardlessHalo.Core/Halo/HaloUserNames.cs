// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// The one rule for the display name of a new Halo user, used by every target. Halo lists users by this name
    /// (USERS.uusername is NOT NULL: src/GoCardlessHalo.Core/Halo/Sql/HaloNames.cs, UserName), so a new user gets the given name,
    /// else first name and surname, else the email address; with none of them the write is refused.
    /// </summary>
    public static class HaloUserNames
    {
        /// <summary>What a new user should be called; null when the write gives nothing to call it by.</summary>
        public static string? ForNewUser(HaloUserWrite user)
        {
            if (!string.IsNullOrWhiteSpace(user.Name))
            {
                return user.Name!.Trim();
            }

            var joined = string.Join(" ", new[] { user.FirstName, user.Surname }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
            return joined.Length > 0 ? joined : string.IsNullOrWhiteSpace(user.Email) ? null : user.Email!.Trim();
        }

        /// <summary>The problem to report for a new user without a name.</summary>
        public const string Missing = "a new user needs a name (Name, FirstName/Surname or Email)";
    }
}
