//! Messages of `tablica import wordpress`: its errors, its report and the texts it writes.

catalogue! {
    /// What `tablica import wordpress` says.
    Import {
        CannotRead: "cannot read the export {file}: {error}", "nie można odczytać pliku eksportu {file}: {error}";
        CannotReadHint: "in WordPress: Tools → Export → All content, then give the downloaded .xml file",
            "w WordPressie: Narzędzia → Eksport → Cała zawartość, a potem podaj pobrany plik .xml";
        TooLarge: "the export {file} is larger than {max} MB", "plik eksportu {file} jest większy niż {max} MB";
        TooLargeHint: "export the posts and the pages separately (Tools → Export) and import each file into its own empty folder",
            "wyeksportuj osobno wpisy i strony (Narzędzia → Eksport) i zaimportuj każdy plik do osobnego pustego folderu";
        NotXml: "{file}:{line}: the export is not valid XML: {detail}", "{file}:{line}: plik eksportu nie jest poprawnym XML-em: {detail}";
        NotXmlHint: "download the export again; a file cut short or edited by hand cannot be read",
            "pobierz eksport ponownie; pliku uciętego albo poprawianego ręcznie nie da się odczytać";
        NotWxr: "{file} is not a WordPress export (no <rss><channel>)", "{file} nie jest eksportem z WordPressa (brak <rss><channel>)";
        UploadsMissing: "the uploads folder {dir} does not exist", "folder z plikami {dir} nie istnieje";
        UploadsMissingHint: "give the copy of wp-content/uploads from the old server (by FTP or the hosting panel), or leave out --uploads",
            "podaj kopię folderu wp-content/uploads ze starego serwera (przez FTP albo panel hostingu) albo pomiń --uploads";
        NotEmpty: "{dir} is neither a tablica site nor an empty folder", "{dir} nie jest ani stroną tablicy, ani pustym folderem";
        NotEmptyHint: "give an empty folder (it is created if missing): tablica import wordpress EXPORT.xml --into new-site",
            "podaj pusty folder (zostanie utworzony, jeśli nie istnieje): tablica import wordpress EKSPORT.xml --into nowa-strona";
        WouldOverwrite: "the import would overwrite {n|file|files} of the site, so nothing was written:\n{files}",
            "import nadpisałby {n|plik|pliki|plików} strony, więc niczego nie zapisano:\n{files}";
        WouldOverwriteHint: "import into an empty folder (--into new-site) and copy what you need from there",
            "zaimportuj do pustego folderu (--into nowa-strona) i przenieś stamtąd to, czego potrzebujesz";
        Linked: "{path} is a symbolic link: the import writes only into the site's own folders, so nothing was written",
            "{path} jest dowiązaniem symbolicznym: import zapisuje tylko we własnych folderach strony, więc niczego nie zapisano";
        LinkedHint: "put a real folder in place of the link (copy into it what the link points to), or import into an empty folder (--into new-site)",
            "zastąp dowiązanie zwykłym folderem (skopiuj do niego to, na co wskazuje dowiązanie) albo zaimportuj do pustego folderu (--into nowa-strona)";
        CannotWrite: "cannot write {path}: {error}", "nie można zapisać {path}: {error}";
        Done: "the report is also in {file}", "raport zapisano też w pliku {file}";
        NextSteps: "next: write the missing alt texts (search the files for TODO-ALT), then `tablica build --root {dir}`",
            "dalej: wpisz brakujące opisy zdjęć (szukaj w plikach TODO-ALT), potem `tablica build --root {dir}`";
        ReportFile: "wordpress-import-report.txt", "raport-importu-wordpress.txt";
        ReportTitle: "Import from WordPress: {site}", "Import z WordPressa: {site}";
        Imported: "imported: {posts|post|posts} ({drafts|draft|drafts} among them), {pages|page|pages}, {photos|photo|photos}",
            "zaimportowano: {posts|wpis|wpisy|wpisów} (w tym {drafts|szkic|szkice|szkiców}), {pages|stronę|strony|stron}, {photos|zdjęcie|zdjęcia|zdjęć}";
        LeftOutHeading: "left out:", "pominięto:";
        Nothing: "nothing", "nic";
        KindMenu: "{n|menu entry|menu entries} ({kind}): the menu of a tablica site is `menu:` in content/site.yaml",
            "{n|pozycję menu|pozycje menu|pozycji menu} ({kind}): menu strony tablicy to `menu:` w content/site.yaml";
        KindRevision: "{n|revision|revisions} ({kind}): only the current text is imported",
            "{n|wersję archiwalną|wersje archiwalne|wersji archiwalnych} ({kind}): importowana jest tylko bieżąca treść";
        KindOther: "{n|item|items} of the kind `{kind}` that tablica has no place for",
            "{n|element|elementy|elementów} rodzaju `{kind}`, na które tablica nie ma miejsca";
        UnusedAttachments: "{n|media file|media files} of the library that no imported post or page shows",
            "{n|plik|pliki|plików} z biblioteki mediów, których nie pokazuje żaden zaimportowany wpis ani strona";
        LeftOutPassword: "\"{title}\" (no. {id}): protected by a password; publish it only after deciding who may read it",
            "„{title}” (nr {id}): chroniony hasłem; opublikuj go dopiero po ustaleniu, kto może go czytać";
        LeftOutTrash: "\"{title}\" (no. {id}): in WordPress's bin", "„{title}” (nr {id}): w koszu WordPressa";
        LeftOutAutoDraft: "\"{title}\" (no. {id}): an empty draft saved by WordPress itself", "„{title}” (nr {id}): pusty szkic zapisany samoczynnie przez WordPressa";
        ToDoHeading: "needs a person ({files|file|files}):", "wymaga uwagi ({files|plik|pliki|plików}):";
        NeedsAlt: "photo {file} has no description (alt text): write one in place of TODO-ALT",
            "zdjęcie {file} nie ma opisu (tekstu alternatywnego): wpisz go w miejsce TODO-ALT";
        PhotoMissing: "photo {path} is not in the uploads folder: the text links to its old address",
            "zdjęcia {path} nie ma w folderze z plikami: tekst prowadzi do jego starego adresu";
        NotAPhoto: "{path} is not a photo tablica can use (JPEG, PNG, GIF, WebP up to {max} MB): not copied",
            "{path} nie jest zdjęciem, którego tablica może użyć (JPEG, PNG, GIF, WebP do {max} MB): nie skopiowano";
        NoUploads: "photo {url} not copied: no --uploads folder was given", "zdjęcia {url} nie skopiowano: nie podano folderu --uploads";
        AttachmentNotCopied: "the attached file {url} is not a photo and was not copied: if the text needs it, put it beside the post and link to it",
            "załączony plik {url} nie jest zdjęciem i nie został skopiowany: jeśli jest potrzebny, umieść go obok wpisu i dodaj do niego odnośnik";
        ShortcodeLeft: "the shortcode [{name}] is left in the text as written: replace it with text or remove it",
            "shortcode [{name}] został w tekście bez zmian: zastąp go treścią albo usuń";
        BlockLeftOut: "the block {name} is made by WordPress when the page is shown, so it has no content here and was left out",
            "blok {name} tworzy WordPress podczas wyświetlania strony, więc nie ma tu treści i został pominięty";
        ElementRemoved: "<{name}> was removed (tablica does not publish it): check that nothing important is missing",
            "usunięto <{name}> (tablica tego nie publikuje): sprawdź, czy nie brakuje czegoś ważnego";
        ElementKept: "<{name}> is kept as HTML, which Markdown cannot express: check how it looks",
            "<{name}> zostawiono jako HTML, bo Markdown go nie wyraża: sprawdź, jak wygląda";
        NeedsTitle: "it has no title: write one", "nie ma tytułu: wpisz go";
        NeedsDate: "it has no date: today's was written, correct it", "nie ma daty: wpisano dzisiejszą, popraw ją";
        WasScheduled: "it was to be published on {date}: kept as a draft (remove `draft: true` to publish)",
            "miał zostać opublikowany {date}: zostawiono jako szkic (usuń `draft: true`, by go opublikować)";
        WasPrivate: "it was private: kept as a draft", "był prywatny: zostawiono jako szkic";
        MoreCategories: "it had more categories; tablica has one, the others became tags: {categories}",
            "miał więcej kategorii; tablica ma jedną, pozostałe stały się tagami: {categories}";
        ParentLeftOut: "the page above it was left out, so it is a top-level page", "strona nadrzędna została pominięta, więc ta jest na najwyższym poziomie";
        AltHint: "the site will not build until you describe what the {n|photo|photos} marked TODO-ALT show",
            "strona nie zostanie zbudowana, dopóki nie opiszesz, co widać na {n|zdjęciu oznaczonym|zdjęciach oznaczonych|zdjęciach oznaczonych} TODO-ALT";
        AltPlaceholder: "describe what the photo {file} shows", "opisz, co widać na zdjęciu {file}";
        NoTitle: "Untitled (WordPress no. {id})", "Bez tytułu (WordPress nr {id})";
        News: "News", "Aktualności";
    }
}
