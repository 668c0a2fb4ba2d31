"""The operating system's reasons for a failed read or write, in Chinese (``strerror`` is English whatever
the locale). Standard library only, so any command can use it without start-up cost."""

from __future__ import annotations

import errno

_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在", errno.EACCES: "没有权限", errno.EPERM: "没有权限",
    errno.EISDIR: "这是文件夹", errno.ENOTDIR: "路径中有一段不是文件夹", errno.ENOSPC: "磁盘已满",
    errno.EROFS: "只读的文件系统", errno.EEXIST: "已经存在", errno.ENAMETOOLONG: "名称太长",
    errno.ELOOP: "符号链接绕成了圈", errno.EBUSY: "正被占用", errno.EMFILE: "打开的文件太多",
    errno.EIO: "读写出错(磁盘或设备)", errno.ENXIO: "设备不存在", errno.EINVAL: "参数无效",
}
_OS_REASONS.update({getattr(errno, n): "超出磁盘配额" for n in ("EDQUOT",) if hasattr(errno, n)})


def os_reason(e: BaseException) -> str:
    """The operating system's reason in Chinese (``strerror`` is English whatever the locale)."""
    code = getattr(e, "errno", None)
    if code in _OS_REASONS:
        return _OS_REASONS[code]
    return f"系统错误 errno {code}" if isinstance(code, int) else "系统错误"
