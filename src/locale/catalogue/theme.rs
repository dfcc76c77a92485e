//! Messages about the theme and the writing of the output.

catalogue! {
    /// Problems with the theme's files and templates.
    Templates {
        CannotRead: "cannot read theme file {path}: {error}", "nie można odczytać pliku motywu {path}: {error}";
        NotText: "theme file {path} is not UTF-8 text", "plik motywu {path} nie jest tekstem UTF-8";
        NotTextDetail: "the file is not valid UTF-8 text", "plik nie jest poprawnym tekstem UTF-8";
        Template: "template error: {error}", "błąd szablonu: {error}";
        FilterNotADate: "not a date: {value}", "to nie jest data: {value}";
        FilterNotANumber: "{filter}: the value must be a number", "{filter}: wartość musi być liczbą";
        PluralNoKey: "plural: missing key=\"…\"", "plural: brak key=\"…\"";
        PluralNoForms: "plural: no plural forms for `{key}` in the translations", "plural: brak form liczby mnogiej dla `{key}` w tłumaczeniach";
        Translations: "translation file {path} is not valid: {error}", "plik tłumaczeń {path} jest błędny: {error}";
        MissingLanguage: "the theme has no translation file i18n/{lang}.yaml", "motyw nie ma pliku tłumaczeń i18n/{lang}.yaml";
        Prefix: "theme: {error}", "motyw: {error}";
        CannotRender: "cannot render {page} with template {template}: {error}", "nie można utworzyć strony {page} z szablonu {template}: {error}";
    }
}

catalogue! {
    /// Problems writing the output folder.
    Output {
        CannotWrite: "cannot write {path}: {error}", "nie można zapisać {path}: {error}";
        UnsafeTarget: "refusing to write the output to {path}: {reason}", "strona nie zostanie zapisana do {path}: {reason}";
        Foreign: "refusing to replace {path}: it holds {files} that tablica did not write ({list}), which the build would delete",
            "{path} nie zostanie zastąpiony: zawiera pliki, których tablica nie zapisała, a budowanie by je usunęło – {files} ({list})";
        FileCount: "{count|file|files}", "{count|plik|pliki|plików}";
        ManyFiles: "more than {max} files", "ponad {max} plików";
        ListMore: "{shown} and {more} more", "{shown} i {more} innych";
        RootOfFs: "it is the root of the file system", "to główny folder systemu plików";
        HoldsSite: "it holds the site itself", "zawiera samą stronę";
        InContent: "it is inside the site's content/ folder", "leży w folderze content/ strony";
        InThemes: "it is inside the site's themes/ folder", "leży w folderze themes/ strony";
        InEditorFolder: "it is inside .redakcja/, where the editor keeps earlier versions and the bin", "leży w folderze .redakcja/, w którym Redakcja trzyma wcześniejsze wersje i kosz";
        HoldsAnotherSite: "it holds another site", "zawiera inną stronę";
        IsAFile: "it is a file, not a folder", "to plik, a nie folder";
        UnsafeTargetHint: "choose an output folder outside the site's own folders, e.g. the default public/",
            "wybierz folder wynikowy poza folderami strony, np. domyślny public/";
        ForeignHint: "choose a new or empty folder; or, if those files may be deleted (e.g. the output of an earlier tablica version), build again with --replace-output",
            "wybierz nowy albo pusty folder; a jeśli te pliki można usunąć (np. wynik starszej wersji tablicy), zbuduj ponownie z --replace-output";
        DiskFull: "the disk is full: free some space (or pass --output with a folder on another disk) and build again",
            "dysk jest pełny: zwolnij miejsce (albo podaj --output z folderem na innym dysku) i zbuduj ponownie";
        ReadOnly: "the disk is read-only: pass --output with a folder you can write to", "dysk jest tylko do odczytu: podaj --output z folderem, do którego można pisać";
        PathHasFile: "a part of the output path is a file, not a folder: rename the file or pass another --output",
            "część ścieżki wynikowej to plik, a nie folder: zmień nazwę pliku albo podaj inne --output";
        NameTooLong: "a file name is too long: shorten the document's file name or its `slug:`", "nazwa pliku jest za długa: skróć nazwę pliku dokumentu albo jego `slug:`";
        NoPermission: "you may not write there, or another program holds the folder open (on Windows: a File Explorer window or a terminal in it): close it, or pass --output with a folder you can write to",
            "nie masz tam prawa zapisu albo inny program trzyma folder otwarty (w Windows: okno Eksploratora plików albo terminal w tym folderze): zamknij go albo podaj --output z folderem, do którego można pisać";
    }
}
