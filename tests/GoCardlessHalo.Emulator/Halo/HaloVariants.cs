// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;

namespace GoCardlessHalo.Emulator.Halo;

// Halo behaviours no public source settles (reference halo.md, "Unsettled behaviours" U1-U6). The emulator plays
// each plausible answer on demand; the first value of each enum is the emulator's behaviour before these switches
// existed. Every other value is inferred: it is what a real Halo might do, not what one was seen doing.

/// <summary>What POST /api/Users answers when several users were posted (U1).</summary>
public enum UsersPostAnswer
{
    /// <summary>The saved users as an array, in the order posted (the emulator's default).</summary>
    Array,

    /// <summary>Only the first saved user, as one object (the API description types the answer as one Users object).</summary>
    FirstObject,

    /// <summary>Only the last saved user, as one object.</summary>
    LastObject,

    /// <summary>200 with an empty body.</summary>
    EmptyBody,

    /// <summary>200 with <c>[]</c>.</summary>
    EmptyArray,
}

/// <summary>What GET /api/FieldInfo lists (U2). <c>typeid=N</c> always narrows the list to usage N (inferred from Halo's TableEnum).</summary>
public enum FieldInfoListing
{
    /// <summary>Without typeid, every definition of every entity, each with its usage.</summary>
    Every,

    /// <summary>Without typeid, User fields (usage 4) are left out; they appear only with <c>typeid=4</c>.</summary>
    UserFieldsNeedTypeId,

    /// <summary>Rows carry no <c>usage</c> property (typeid still filters).</summary>
    WithoutUsage,
}

/// <summary>How <c>page_no</c> counts when <c>page_size</c> exceeds the server cap (U4).</summary>
public enum PageNumbering
{
    /// <summary>Pages of the capped size: page_no=2 starts after the first capped page.</summary>
    CappedSize,

    /// <summary>Pages of the requested size: page_no=2 starts at page_size, so the rows between the cap and page_size are never served.</summary>
    RequestedSize,
}

/// <summary>What GET /api/Users list rows carry when <c>include_custom_fields</c> is given (U5).</summary>
public enum UserListCustomFields
{
    /// <summary>The requested fields, each with its value (null when unset).</summary>
    Honoured,

    /// <summary>The parameter is ignored: rows have no customfields at all.</summary>
    Ignored,

    /// <summary>Rows carry <c>customfields: []</c>.</summary>
    EmptyArray,
}

/// <summary>What a posted <c>customfields</c> array does to a user's values (U6).</summary>
public enum CustomFieldsPost
{
    /// <summary>It becomes the whole set: values not posted are emptied (HaloAPI issue #13, seen for assets).</summary>
    Replace,

    /// <summary>Only the posted values change.</summary>
    Merge,
}

/// <summary>Parses the variant names accepted by POST /__admin/halo/settings.</summary>
public static class HaloVariantNames
{
    /// <summary>The value named by <paramref name="text"/> (case-insensitive), or a message listing the valid names.</summary>
    public static bool TryParse<T>(string setting, string text, List<string> problems, out T value)
        where T : struct, Enum
    {
        if (Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return true;
        }

        problems.Add($"{setting} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        return false;
    }
}
