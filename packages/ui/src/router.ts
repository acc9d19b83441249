// The router the shell and every module use, re-exported from this package rather than shared as a
// Module Federation singleton of its own: a shared package ships whole (react-router: 54 KB brotli),
// while these re-exports are tree-shaken into this package's chunk (about 14 KB). Modules import
// routing from '@dangvien/ui' (eslint refuses 'react-router' in frontends/), so there is one router.
export {
  BrowserRouter,
  Link,
  NavLink,
  Navigate,
  Outlet,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
  type LinkProps,
} from 'react-router';
