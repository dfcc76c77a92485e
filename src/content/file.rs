//! The one way tablica opens a file it reads (documents, settings, alt texts, theme files,
//! photos, captions, its own records): a regular file, never through a symbolic link, never
//! blocking on a FIFO or a device, and never larger than the caller's limit.
//!
//! The file type is checked twice: on the name before opening (`symlink_metadata`, which
//! works everywhere), and on the open handle, so a file swapped for a link or a FIFO in
//! between is refused too. On Unix the open itself refuses a link (`O_NOFOLLOW`) and does not
//! wait for a FIFO's writer (`O_NONBLOCK`); on Windows it opens a link itself, not its target
//! (`FILE_FLAG_OPEN_REPARSE_POINT`).

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::locale::catalogue::Content as M;
use crate::locale::msg;
use crate::locale::Message;

/// Why a file was not read. The messages never quote the file's content.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", self.message())]
    Link,
    #[error("{}", self.message())]
    NotRegular(M),
    #[error("{}", self.message())]
    TooLarge { len: u64, limit: u64 },
    #[error("{}", self.message())]
    Io(#[from] io::Error),
}

impl ReadError {
    /// What went wrong, in the catalogue's words.
    pub fn message(&self) -> Message {
        match self {
            ReadError::Link => M::SymlinkNotFollowed.into(),
            ReadError::NotRegular(kind) => msg!(M::NotRegular, kind = Message::new(*kind)),
            ReadError::TooLarge { len, limit } => msg!(
                M::TooLarge,
                size =
                    crate::locale::decimal(crate::locale::language(), *len as f64 / 1_048_576.0, 1),
                limit = limit / 1_048_576
            ),
            ReadError::Io(e) => msg!(M::CannotReadFile, error = e.to_string()),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        match self {
            ReadError::Link => M::SymlinkHint,
            ReadError::NotRegular(_) => M::NotRegularHint,
            ReadError::TooLarge { .. } => M::TooLargeHint,
            ReadError::Io(_) => M::CannotReadFileHint,
        }
        .into()
    }
}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io(e) => e,
            e => io::Error::other(e),
        }
    }
}

/// The largest photo tablica reads: 100 MiB, several times a camera's largest JPEG.
pub const MAX_PHOTO_BYTES: u64 = 100 * 1024 * 1024;

/// The largest file of a theme (template, style sheet, font, picture) tablica reads.
pub const MAX_THEME_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The largest record tablica reads back from its own cache (`.tablica-cache/`).
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// Opens `path` for reading if it is a regular file (not a link) of at most `limit` bytes;
/// returns the handle and its size.
pub fn open(path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
    check_type(&std::fs::symlink_metadata(path)?)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
        options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::Link;
        }
        ReadError::Io(e)
    })?;
    let meta = file.metadata()?;
    check_type(&meta)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            limit,
        });
    }
    Ok((file, meta.len()))
}

/// Reads the whole of `path` (see [`open`]), at most `limit` bytes even if it grows meanwhile.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open(path, limit)?;
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Whether `path` is a regular file, not a link: what [`open`] accepts, for callers that
/// only look (an optional file is absent when this says no, and reported when it exists).
pub fn is_regular(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

fn check_type(meta: &Metadata) -> Result<(), ReadError> {
    let t = meta.file_type();
    if t.is_symlink() {
        return Err(ReadError::Link);
    }
    if t.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular(kind(meta)))
}

/// What a file that is not a regular file is, in words.
pub fn kind(meta: &Metadata) -> M {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return M::KindFifo;
        }
        if t.is_socket() {
            return M::KindSocket;
        }
        if t.is_block_device() || t.is_char_device() {
            return M::KindDevice;
        }
    }
    if t.is_dir() {
        M::KindFolder
    } else if t.is_symlink() {
        M::KindSymlink
    } else if t.is_file() {
        M::KindFile
    } else {
        M::KindSpecial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_and_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"abc").expect("write");
        assert_eq!(read(&path, 3).expect("read"), b"abc");
        assert!(matches!(
            read(&path, 2),
            Err(ReadError::TooLarge { len: 3, .. })
        ));
        assert!(matches!(
            read(dir.path(), 9),
            Err(ReadError::NotRegular(M::KindFolder))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let secret = dir.path().join("secret");
        std::fs::write(&secret, b"x").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&secret, &link).expect("symlink");
        assert!(matches!(read(&link, 9), Err(ReadError::Link)));
        assert!(!is_regular(&link));
    }
}
